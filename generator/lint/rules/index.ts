/** Every rule, in the order they run (findings are sorted by position afterwards). */

import type { Rule } from '../types';
import { checkIntrinsics } from './intrinsics';
import { checkMappingTemplates } from './mapping-templates';
import { checkProperties } from './properties';
import { checkSamPolicies } from './sam-policies';
import { checkSecurity } from './security';
import { checkStateMachines } from './state-machines';
import { checkStructure } from './structure';
import { checkWebSocketDeployment } from './websocket-deploy';
import { checkLambdaPermissions } from './websocket-lambda';
import { checkWebSocketRoutes } from './websocket-routes';

/** Rules on the template as written: its sections and each resource's own properties. */
export const SOURCE_RULES: readonly Rule[] = [checkStructure, checkProperties];

/** Rules on the template as the SAM transform leaves it (WebSocketApi expanded): references, routes. */
export const EXPANDED_RULES: readonly Rule[] = [
  checkIntrinsics,
  checkWebSocketRoutes,
  checkWebSocketDeployment,
  checkLambdaPermissions,
  checkStateMachines,
  checkMappingTemplates,
  checkSamPolicies,
  checkSecurity,
];

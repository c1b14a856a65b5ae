/** Every rule, in the order they run (findings are sorted by position afterwards). */
import type { Rule } from '../types';
import { checkExclusiveProperties } from './exclusive-properties';
import { checkIamNames } from './iam-names';
import { checkIntrinsics } from './intrinsics';
import { checkMappingTemplates } from './mapping-templates';
import { checkProperties } from './properties';
import { checkSamPolicies } from './sam-policies';
import { checkSecurity } from './security';
import { checkStateMachines } from './state-machines';
import { checkStructure } from './structure';
import { checkSubNeeded } from './sub-needed';
import { checkWebSocketDeployment } from './websocket-deploy';
import { checkLambdaPermissions } from './websocket-lambda';
import { checkWebSocketRoutes } from './websocket-routes';

export const RULES: readonly Rule[] = [
  checkStructure,
  checkProperties,
  checkExclusiveProperties,
  checkIntrinsics,
  checkSubNeeded,
  checkWebSocketRoutes,
  checkWebSocketDeployment,
  checkLambdaPermissions,
  checkStateMachines,
  checkMappingTemplates,
  checkSamPolicies,
  checkSecurity,
  checkIamNames,
];

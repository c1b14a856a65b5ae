/** Every default of the app model, in one place. */
import { INTEGRATION_TIMEOUT_MS } from '../api-gateway-quotas';
import type { Architecture, Runtime, StateMachineLogLevel } from './types';

export const DEFAULTS = {
  routeSelectionExpression: '$request.body.action',
  stageName: 'prod',
  throttlingBurstLimit: 500,
  throttlingRateLimit: 1000,
  logRetentionDays: 30,
  runtime: 'nodejs22.x' as Runtime,
  architecture: 'arm64' as Architecture,
  memorySizeMb: 256,
  timeoutSeconds: 10,
  handler: 'handler',
  tablePartitionKey: 'connectionId',
  tableTtlAttribute: 'ttl',
  stateMachineLogLevel: 'ALL' as StateMachineLogLevel,
  queueVisibilityTimeoutSeconds: 60,
  queueMaxReceiveCount: 3,
  sqsBatchSize: 10,
  /** API Gateway's maximum integration timeout for WebSocket APIs. */
  integrationTimeoutMillis: INTEGRATION_TIMEOUT_MS,
} as const;

/** The API itself, its stage (throttled, optional access logs) and the deployment that feeds the stage. */
import { createHash } from 'node:crypto';
import type { App } from '../model/types';
import { equals, getAtt, ifCondition, noValue, ref } from '../template/intrinsics';
import type { Json, Parameter, Resource } from '../template/types';
import type { ResourceCollector } from './collector';
import {
  ACCESS_LOG_GROUP_ID,
  ACCESS_LOGS_CONDITION,
  ACCESS_LOGS_PARAMETER,
  API_ID,
  deploymentId,
  STAGE_ID,
  STAGE_NAME_PARAMETER,
} from './ids';

export function apiParameters(app: App): Record<string, Parameter> {
  return {
    [STAGE_NAME_PARAMETER]: {
      Type: 'String',
      Description: 'Name of the API stage, the last part of the WebSocket URL',
      Default: app.stage.defaultName,
      AllowedPattern: '^[A-Za-z0-9_-]{1,128}$',
      ConstraintDescription: 'letters, digits, hyphens and underscores, 1 to 128 characters',
    },
    [ACCESS_LOGS_PARAMETER]: {
      Type: 'String',
      Description:
        'Write stage access logs to CloudWatch Logs. Needs the account-level API Gateway CloudWatch role (see README)',
      Default: 'false',
      AllowedValues: ['false', 'true'],
    },
  };
}

export const apiConditions = (): Record<string, Json> => ({
  [ACCESS_LOGS_CONDITION]: equals(ref(ACCESS_LOGS_PARAMETER), 'true'),
});

export function addApi(out: ResourceCollector, app: App): void {
  out.add(
    API_ID,
    {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: {
        Name: ref('AWS::StackName'),
        Description: app.description,
        ProtocolType: 'WEBSOCKET',
        RouteSelectionExpression: app.routeSelectionExpression,
      },
    },
    'WebSocket API',
  );
}

/** One JSON line per connection event; fields API Gateway documents for WebSocket access logs. */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  eventType: '$context.eventType',
  routeKey: '$context.routeKey',
  status: '$context.status',
  connectionId: '$context.connectionId',
  integrationLatency: '$context.integrationLatency',
});

/**
 * Adds the stage and its deployment. The deployment depends on every route, integration and
 * response (`dependsOn`), and its logical id hashes the API and route resources, so a stack update
 * that changes a route creates a new deployment and the stage moves to it.
 */
export function addStageAndDeployment(
  out: ResourceCollector,
  app: App,
  routeResources: Readonly<Record<string, Resource>>,
  dependsOn: readonly string[],
): void {
  const hash = contentHash({ api: out.resources[API_ID], routes: routeResources });
  const deployment = deploymentId(hash);
  out.add(
    STAGE_ID,
    {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: {
        ApiId: ref(API_ID),
        StageName: ref(STAGE_NAME_PARAMETER),
        Description: `Stage of ${app.name}`,
        DeploymentId: ref(deployment),
        DefaultRouteSettings: {
          ThrottlingBurstLimit: app.stage.throttlingBurstLimit,
          ThrottlingRateLimit: app.stage.throttlingRateLimit,
        },
        AccessLogSettings: ifCondition(
          ACCESS_LOGS_CONDITION,
          { DestinationArn: getAtt(ACCESS_LOG_GROUP_ID, 'Arn'), Format: ACCESS_LOG_FORMAT },
          noValue,
        ),
      },
    },
    'Stage and deployment',
  );
  const deploymentResource: Resource = {
    Type: 'AWS::ApiGatewayV2::Deployment',
    DependsOn: [...dependsOn].sort(),
    Properties: {
      ApiId: ref(API_ID),
      Description: `Routes: ${app.routes.map((r) => r.routeKey).join(', ')}`,
    },
  };
  out.add(deployment, deploymentResource);
  out.add(ACCESS_LOG_GROUP_ID, {
    Type: 'AWS::Logs::LogGroup',
    Condition: ACCESS_LOGS_CONDITION,
    Properties: { RetentionInDays: app.stage.accessLogRetentionDays },
  });
}

/** Ten hex digits of SHA-256 over canonical JSON (keys sorted), stable across runs and machines. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 10);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What a route invokes: a Lambda function (proxy), or an AWS service action through VTL (no Lambda). */
import { ModelError, oneOf, show } from '../errors';
import { checkRange } from './check';
import { DEFAULTS } from './defaults';
import type {
  LambdaFunction,
  LambdaIntegration,
  MockIntegration,
  ServiceActionName,
  ServiceIntegration,
  ServiceTargets,
  StateMachine,
  StepFunctionsSyncIntegration,
} from './types';

const integrationTimeout = (path: string, value: number | undefined) =>
  checkRange(
    `${path} timeoutMillis`,
    value ?? DEFAULTS.integrationTimeoutMillis,
    50,
    DEFAULTS.integrationTimeoutMillis,
    'milliseconds',
  );

/** Lambda proxy integration (`AWS_PROXY`), with an invoke permission scoped to this API and route. */
export function lambdaIntegration(
  fn: LambdaFunction,
  options: { readonly timeoutMillis?: number } = {},
): LambdaIntegration {
  return {
    kind: 'lambda',
    function: fn,
    timeoutMillis: integrationTimeout(`integration of ${show(fn.id)}`, options.timeoutMillis),
  };
}

export interface StepFunctionsSyncOptions {
  /** VTL rendering the StartSyncExecution request; `${StateMachineArn}` is replaced at deploy time. */
  readonly requestTemplate: string;
  /** VTL reshaping the StartSyncExecution response. @default - the response is passed through */
  readonly responseTemplate?: string;
  /** @default 29000 */
  readonly timeoutMillis?: number;
}

/** AWS integration calling `states:StartSyncExecution`, with a role allowed only that, on only this machine. */
export function stepFunctionsSyncIntegration(
  stateMachine: StateMachine,
  options: StepFunctionsSyncOptions,
): StepFunctionsSyncIntegration {
  const path = `integration of state machine ${show(stateMachine.id)}`;
  if (stateMachine.type !== 'EXPRESS') {
    throw new ModelError(
      'E_MODEL_INTEGRATION',
      `${path}: StartSyncExecution runs only EXPRESS state machines; use expressStateMachine(...), or serviceIntegration('states:StartExecution', ...) for a STANDARD one`,
      path,
    );
  }
  if (!options.requestTemplate.includes('${StateMachineArn}')) {
    throw new ModelError(
      'E_MODEL_TEMPLATE',
      `${path}: requestTemplate must contain \${StateMachineArn}`,
      path,
    );
  }
  return {
    kind: 'stepFunctionsSync',
    stateMachine,
    requestTemplate: options.requestTemplate,
    ...(options.responseTemplate === undefined ? {} : { responseTemplate: options.responseTemplate }),
    timeoutMillis: integrationTimeout(path, options.timeoutMillis),
  };
}

/** MOCK integration: API Gateway answers 200 without calling anything (a `$connect` guarded by an authorizer). */
export const mockIntegration = (): MockIntegration => ({ kind: 'mock' });

/** The kind of resource each service action acts on. */
const TARGET_KINDS: { readonly [A in ServiceActionName]: ServiceTargets[A]['kind'] } = {
  'sqs:SendMessage': 'queue',
  'sns:Publish': 'topic',
  'dynamodb:PutItem': 'table',
  'dynamodb:DeleteItem': 'table',
  'dynamodb:GetItem': 'table',
  'events:PutEvents': 'eventBus',
  'states:StartExecution': 'stateMachine',
};

export interface ServiceIntegrationOptions {
  /**
   * VTL rendering the action's request from the message. `${Target}` is replaced at deploy time by
   * what the action names its target with: the table name, topic ARN, bus name or state machine ARN
   * (SQS needs none: the queue is in the integration's URI).
   */
  readonly requestTemplate: string;
  /** VTL reshaping the service's answer for two-way routes. @default - the answer is passed through */
  readonly responseTemplate?: string;
  /** @default 29000 */
  readonly timeoutMillis?: number;
}

/**
 * AWS integration calling one service action on one resource of this app, with a role allowed only
 * that action on only that resource.
 *
 * @example
 * serviceIntegration('sqs:SendMessage', queue('Messages'), {
 *   requestTemplate: 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)',
 * });
 */
export function serviceIntegration<A extends ServiceActionName>(
  action: A,
  target: ServiceTargets[A],
  options: ServiceIntegrationOptions,
): ServiceIntegration<A> {
  const path = `integration ${show(action)}`;
  const kind = TARGET_KINDS[action];
  if (kind === undefined) {
    throw new ModelError(
      'E_MODEL_INTEGRATION',
      `${path}: not a supported action; use ${oneOf(Object.keys(TARGET_KINDS))}`,
      path,
    );
  }
  if (target?.kind !== kind) {
    throw new ModelError(
      'E_MODEL_INTEGRATION',
      `${path}: acts on a ${kind}, got ${show(target?.kind)}`,
      path,
    );
  }
  if (typeof options.requestTemplate !== 'string' || options.requestTemplate.trim() === '') {
    throw new ModelError('E_MODEL_TEMPLATE', `${path}: requestTemplate must be a VTL template`, path);
  }
  return {
    kind: 'service',
    action,
    target,
    requestTemplate: options.requestTemplate,
    ...(options.responseTemplate === undefined ? {} : { responseTemplate: options.responseTemplate }),
    timeoutMillis: integrationTimeout(path, options.timeoutMillis),
  };
}

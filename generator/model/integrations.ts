/** What a route invokes: a Lambda function (proxy) or a Step Functions state machine (AWS service). */
import { ModelError, show } from '../errors';
import { checkRange } from './check';
import { DEFAULTS } from './defaults';
import type { LambdaFunction, LambdaIntegration, StateMachine, StepFunctionsSyncIntegration } from './types';

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

/**
 * Lambda: the template's functions (`AWS::Serverless::Function`, `AWS::Lambda::Function`) as other
 * parts of the app name them. Ref is the function name (its FunctionName, or `<stack>-<LogicalId>`);
 * GetAtt Arn its ARN. A reference by name, ARN (with a version or alias) or partial ARN resolves to
 * the function of the template, as Lambda's Invoke API accepts them.
 *
 * Step Functions tasks: `arn:aws:states:::lambda:invoke` (the result wrapped as the Invoke API
 * answers: StatusCode, ExecutedVersion, Payload) and a function ARN as the Resource (the result
 * itself). A function error fails the task with its errorType, the cause being the error as JSON.
 * The Invoke API (`lambda:Invoke`) for handlers' SDK calls: RequestResponse, Event and DryRun.
 */
import type { Json } from '../../template/types';
import type { InvokeOutcome } from '../lambda/pool';
import type { LocalFunction } from '../types';
import { localArn, physicalName } from './stand-ins';
import { LAMBDA_FUNCTION_TASK } from './task-keys';
import {
  type LocalService,
  type RunningService,
  type ServiceHost,
  type ServiceResponse,
  TaskError,
  type TaskHandler,
} from './types';

/** The logical id of the template function `ref` names (name, ARN, `name:alias`, partial ARN). */
export function functionByReference(
  functions: ReadonlyMap<string, LocalFunction>,
  ref: string,
): string | undefined {
  // `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`, `<account>:function:<name>`, `<name>[:<qualifier>]`
  const name = (ref.includes('function:') ? ref.slice(ref.indexOf('function:') + 9) : ref).split(':')[0];
  for (const fn of functions.values()) if (fn.arn === ref || fn.name === name || fn.id === name) return fn.id;
  return undefined;
}

export const lambdaService: LocalService = {
  name: 'lambda',
  resourceTypes: ['AWS::Serverless::Function', 'AWS::Lambda::Function'],
  ref: (logicalId, resource, ctx) => physicalName(logicalId, resource, ctx, 'FunctionName'),
  getAtt(logicalId, resource, attribute, ctx) {
    const name = physicalName(logicalId, resource, ctx, 'FunctionName');
    return attribute === 'Arn' ? localArn(ctx, 'lambda', `function:${name}`) : undefined;
  },
  async start(app, host): Promise<RunningService> {
    let functions = app.functions;
    const invoke = (ref: string, payload: unknown) => invokeByReference(host, functions, ref, payload);
    const tasks: Record<string, TaskHandler> = {
      'arn:aws:states:::lambda:invoke': async (input) => {
        const { FunctionName, Payload } = (input ?? {}) as { FunctionName?: Json; Payload?: Json };
        const result = await invoke(String(FunctionName ?? ''), Payload ?? {});
        return { ExecutedVersion: '$LATEST', Payload: result, StatusCode: 200 } as Json;
      },
      [LAMBDA_FUNCTION_TASK]: (input, task) => invoke(task.resource, input),
    };
    return {
      actions: { 'lambda:Invoke': (request) => invokeAction(host, functions, request) },
      tasks,
      environment: { AWS_ENDPOINT_URL_LAMBDA: host.endpoint },
      update(next) {
        functions = next.functions;
      },
      close: async () => {},
    };
  },
};

/** Runs the function `ref` names with `payload`: its result, or a TaskError as Step Functions reports it. */
async function invokeByReference(
  host: ServiceHost,
  functions: ReadonlyMap<string, LocalFunction>,
  ref: string,
  payload: unknown,
): Promise<Json> {
  const id = functionByReference(functions, ref);
  if (!id) {
    throw new TaskError(
      'Lambda.ResourceNotFoundException',
      `Function not found: ${ref} (not a function of the template)`,
    );
  }
  const outcome: InvokeOutcome = await host.invokeFunction(id, payload);
  if (outcome.ok) return (outcome.result ?? null) as Json;
  const { errorType, errorMessage } = outcome.error;
  throw new TaskError(errorType, JSON.stringify({ errorType, errorMessage }));
}

/**
 * The Invoke API: `{ FunctionName, InvocationType, Payload }` (Payload as the JSON text sent) →
 * `{ Payload }` (the result as JSON text) and `FunctionError: 'Unhandled'` for a function error;
 * `Event` answers 202 at once and runs the function after; `DryRun` 204.
 */
async function invokeAction(
  host: ServiceHost,
  functions: ReadonlyMap<string, LocalFunction>,
  request: Record<string, unknown>,
): Promise<ServiceResponse> {
  const ref = String(request.FunctionName ?? '');
  const id = functionByReference(functions, ref);
  if (!id) {
    const arn = ref.startsWith('arn:')
      ? ref
      : `arn:aws:lambda:${host.region}:${host.accountId}:function:${ref}`;
    return lambdaError(404, 'ResourceNotFoundException', `Function not found: ${arn}`);
  }
  let payload: unknown = {};
  const text = typeof request.Payload === 'string' ? request.Payload : JSON.stringify(request.Payload ?? {});
  try {
    payload = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return lambdaError(400, 'InvalidRequestContentException', 'Could not parse request body into json');
  }
  const type = request.InvocationType ?? 'RequestResponse';
  if (type === 'DryRun') return { statusCode: 204, body: {} };
  const run = host.invokeFunction(id, payload);
  if (type === 'Event') {
    void run.then((outcome) => {
      if (!outcome.ok)
        host.log.line(
          `[${id}] asynchronous invocation failed: ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
        );
    });
    return { statusCode: 202, body: { Payload: '' } };
  }
  const outcome = await run;
  if (outcome.ok) return { statusCode: 200, body: { Payload: JSON.stringify(outcome.result ?? null) } };
  const { errorType, errorMessage } = outcome.error;
  return {
    statusCode: 200,
    body: { Payload: JSON.stringify({ errorType, errorMessage, trace: [] }), FunctionError: 'Unhandled' },
  };
}

function lambdaError(statusCode: number, type: string, message: string): ServiceResponse {
  return { statusCode, body: { __type: type, message } };
}

/**
 * Step Functions: the template's state machines (`AWS::Serverless::StateMachine`,
 * `AWS::StepFunctions::StateMachine`) run in the ASL interpreter, their Task states served by the
 * running services. Answers StartExecution (asynchronous: the ARN at once, the run goes on),
 * StartSyncExecution (EXPRESS machines only, the whole run's result) and the task token callbacks
 * (SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat), as API Gateway integrations and handlers'
 * SDK calls send them. Serves the `states:startExecution` task: request-response, `.sync` (the
 * child's DescribeExecution; `.sync:2` with its output as JSON) and `.waitForTaskToken`.
 * Ref is the machine's ARN; GetAtt gives Arn and Name.
 */
import type { Json, Resource } from '../../template/types';
import type { StepFunctionsRunner } from '../stepfunctions/runner';
import type { TokenAnswer } from '../stepfunctions/task-tokens';
import { localArn } from './stand-ins';
import {
  type LocalService,
  type RunningService,
  type ServiceResponse,
  type StandInContext,
  TaskError,
  type TaskHandler,
} from './types';

/** The stand-in ARN of a state machine: `arn:aws:states:<region>:<account>:stateMachine:<name>`. */
export function stateMachineArn(logicalId: string, resource: Resource, ctx: StandInContext): string {
  const property = resource.Type === 'AWS::Serverless::StateMachine' ? 'Name' : 'StateMachineName';
  const own = ctx.resolve(resource.Properties?.[property]);
  return localArn(ctx, 'states', `stateMachine:${typeof own === 'string' ? own : logicalId}`);
}

/** What a synchronous run that was stopped answers; nobody reads it (the caller stopped waiting). */
const STOPPED: ServiceResponse = { statusCode: 504, body: { message: 'Endpoint request timed out' } };

const ERROR_PREFIX = 'com.amazonaws.swf.service.v2.model#';

export const statesService: LocalService = {
  name: 'states',
  resourceTypes: ['AWS::Serverless::StateMachine', 'AWS::StepFunctions::StateMachine'],
  ref: stateMachineArn,
  getAtt(logicalId, resource, attribute, ctx) {
    const arn = stateMachineArn(logicalId, resource, ctx);
    if (attribute === 'Arn') return arn;
    if (attribute === 'Name') return arn.split(':').at(-1) as string;
    return undefined;
  },
  async start(app, host): Promise<RunningService> {
    const { StepFunctionsRunner } = await import('../stepfunctions/runner');
    const runner: StepFunctionsRunner = new StepFunctionsRunner(app.stateMachines, {
      waitScale: host.waitScale,
      taskFor: (resource) => host.task(resource),
      report: (line) => host.log.line(line),
      events: host.log.events,
      ...(host.log.verbose ? { trace: (line: string) => host.log.detail('state machine', line) } : {}),
    });
    const tokens = runner.tokens;
    return {
      actions: {
        'states:StartExecution': async (request) => runner.startAsync(request),
        'states:StartSyncExecution': async (request, call) =>
          (await runner.startSync(request, call?.signal)) ?? STOPPED,
        'states:SendTaskSuccess': async (request) =>
          answer(tokens.success(request.taskToken, request.output)),
        'states:SendTaskFailure': async (request) =>
          answer(tokens.failure(request.taskToken, request.error, request.cause)),
        'states:SendTaskHeartbeat': async (request) => answer(tokens.heartbeat(request.taskToken)),
      },
      tasks: { 'arn:aws:states:::states:startExecution': startExecutionTask(runner) },
      environment: { AWS_ENDPOINT_URL_SFN: host.endpoint },
      banner: [`SDK endpoint   → ${host.endpoint} (Step Functions and Lambda APIs for handlers)`],
      update(next) {
        // Validates every definition first: an invalid one throws and the running machines stay.
        runner.use(runner.prepareAll(next.stateMachines));
      },
      close: async () => runner.close(),
    };
  },
};

function answer(result: TokenAnswer): ServiceResponse {
  return result.ok
    ? { statusCode: 200, body: {} }
    : { statusCode: 400, body: { __type: `${ERROR_PREFIX}${result.error}`, message: result.message } };
}

/** The `states:startExecution` task, in its three integration patterns. */
function startExecutionTask(runner: StepFunctionsRunner): TaskHandler {
  return async (input, task) => {
    const parameters = (input ?? {}) as Record<string, Json>;
    const request = {
      stateMachineArn: parameters.StateMachineArn,
      input: typeof parameters.Input === 'string' ? parameters.Input : JSON.stringify(parameters.Input ?? {}),
      ...(parameters.Name !== undefined ? { name: parameters.Name } : {}),
    };
    const sync = /\.sync(:2)?$/.exec(task.resource);
    if (!sync) {
      const started = runner.startAsync(request);
      if (started.statusCode !== 200) throw taskError(started);
      return { ExecutionArn: started.body.executionArn, StartDate: started.body.startDate } as Json;
    }
    const done = (await runner.startSync(request, undefined, true)) ?? STOPPED;
    if (done.statusCode !== 200) throw taskError(done);
    const body = done.body as Record<string, Json>;
    const described: Record<string, Json> = {
      ExecutionArn: body.executionArn as Json,
      StateMachineArn: body.stateMachineArn as Json,
      Name: body.name as Json,
      Status: body.status as Json,
      StartDate: body.startDate as Json,
      StopDate: body.stopDate as Json,
      Input: sync[1] ? JSON.parse(String(body.input)) : (body.input as Json),
      InputDetails: { Included: true },
      ...(body.status === 'SUCCEEDED'
        ? {
            Output: sync[1] ? JSON.parse(String(body.output)) : (body.output as Json),
            OutputDetails: { Included: true },
          }
        : { Error: body.error as Json, Cause: body.cause as Json }),
    };
    if (body.status !== 'SUCCEEDED') throw new TaskError('States.TaskFailed', JSON.stringify(described));
    return described;
  };
}

/** A Step Functions API error as the task's error: `StepFunctions.StateMachineDoesNotExistException`. */
function taskError(response: ServiceResponse): TaskError {
  const type = String(response.body.__type ?? 'States.TaskFailed')
    .split('#')
    .at(-1);
  return new TaskError(`StepFunctions.${type}Exception`, String(response.body.message ?? ''));
}

/**
 * Step Functions: the template's state machines (`AWS::Serverless::StateMachine`,
 * `AWS::StepFunctions::StateMachine`) run in the ASL interpreter. Answers StartExecution
 * (asynchronous: the ARN at once, the run goes on) and StartSyncExecution (EXPRESS machines only,
 * the whole run's result), as API Gateway integrations and handlers' SDK calls send them.
 * Ref is the machine's ARN; GetAtt gives Arn and Name.
 */
import type { Resource } from '../../template/types';
import type { StepFunctionsRunner } from '../stepfunctions/runner';
import { functionByReference } from './lambda';
import { localArn } from './stand-ins';
import type { LocalService, RunningService, ServiceResponse, StandInContext } from './types';

/** The stand-in ARN of a state machine: `arn:aws:states:<region>:<account>:stateMachine:<name>`. */
export function stateMachineArn(logicalId: string, resource: Resource, ctx: StandInContext): string {
  const property = resource.Type === 'AWS::Serverless::StateMachine' ? 'Name' : 'StateMachineName';
  const own = ctx.resolve(resource.Properties?.[property]);
  return localArn(ctx, 'states', `stateMachine:${typeof own === 'string' ? own : logicalId}`);
}

/** What a synchronous run that was stopped answers; nobody reads it (the caller stopped waiting). */
const STOPPED: ServiceResponse = { statusCode: 504, body: { message: 'Endpoint request timed out' } };

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
    let functions = app.functions;
    const runner: StepFunctionsRunner = new StepFunctionsRunner(app.stateMachines, {
      waitScale: host.waitScale,
      ...(host.log.verbose ? { trace: (line: string) => host.log.detail('state machine', line) } : {}),
      invokeFunction: (ref, payload) =>
        host.invokeFunction(functionByReference(functions, ref) ?? ref, payload),
    });
    return {
      actions: {
        'states:StartExecution': async (request) => runner.startAsync(request),
        'states:StartSyncExecution': async (request, call) =>
          (await runner.startSync(request, call?.signal)) ?? STOPPED,
      },
      update(next) {
        // Validates every definition first: an invalid one throws and the running machines stay.
        runner.use(runner.prepareAll(next.stateMachines));
        functions = next.functions;
      },
      close: async () => runner.close(),
    };
  },
};

/**
 * `sfn-sync`: API Gateway WebSocket API → Step Functions Express StartSyncExecution through a VTL
 * request template, no Lambda. The client sends any JSON and receives the execution result.
 */
import {
  expressStateMachine,
  route,
  stepFunctionsSyncIntegration,
  webSocketApp,
} from '../../generator/model/build';
import { readTemplateFile } from '../../generator/paths';
import type { Pattern } from '../../generator/pattern';
import { authorizerOption, withAuthorizer } from '../authorizer';

export const sfnSyncPattern: Pattern = {
  name: 'sfn-sync',
  description: 'WebSocket API calling a Step Functions Express workflow synchronously (no Lambda)',
  options: [
    {
      name: 'response',
      description: 'what the client receives: the StartSyncExecution response, or the execution output alone',
      values: ['execution', 'output'],
      default: 'execution',
    },
    {
      name: 'on-failure',
      description: 'FAILED and TIMED_OUT executions: sent like successes, or as an error message',
      values: ['passthrough', 'error'],
      default: 'passthrough',
    },
    authorizerOption,
  ],
  build(input) {
    const { name, stageName = 'api', options } = input;
    const machine = expressStateMachine('Sync', {
      definition: JSON.parse(readTemplateFile('sfn-sync.asl.json')),
      definitionFileName: 'sfn-sync.asl.json',
    });
    const reply = options.response ?? 'execution';
    const onFailure = options['on-failure'] ?? 'passthrough';
    const reshapes = reply !== 'execution' || onFailure !== 'passthrough';
    const integration = stepFunctionsSyncIntegration(machine, {
      requestTemplate: readTemplateFile('sfn-sync-request.vtl'),
      ...(reshapes
        ? {
            responseTemplate: `#set($reply = "${reply}")\n#set($onFailure = "${onFailure}")\n${readTemplateFile('sfn-sync-response.vtl')}`,
          }
        : {}),
    });
    return webSocketApp(
      withAuthorizer(
        {
          name,
          description:
            'WebSocket API that runs a Step Functions Express workflow synchronously for each message',
          stage: { name: stageName },
          routes: [route('$default', integration, { twoWay: true })],
        },
        input,
      ),
    );
  },
  tryIt: ({ options }) => ({
    send: '{"first_name": "Jane", "last_name": "Doe"}',
    expect:
      (options.response ?? 'execution') === 'output'
        ? 'after about 3 seconds, the execution output: `{"first_name": "Jane", "last_name": "Doe"}`'
        : 'after about 3 seconds, the StartSyncExecution response, with `"status": "SUCCEEDED"` and `"output"` equal to what you sent',
  }),
};

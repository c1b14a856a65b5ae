/**
 * `sfn-async`: `$default` starts a STANDARD state machine with StartExecution (no Lambda) and
 * acknowledges at once with the execution ARN; the machine answers later on the same socket with an
 * `apigateway:invoke` task to `@connections`, allowed for this API and stage only.
 */
import {
  grantConnections,
  route,
  serviceIntegration,
  standardStateMachine,
  webSocketApp,
} from '../../generator/model/build';
import { readTemplateFile } from '../../generator/paths';
import type { Pattern } from '../../generator/pattern';
import type { Json } from '../../generator/template/types';
import { authorizerOption, withAuthorizer } from '../authorizer';

export const sfnAsyncPattern: Pattern = {
  name: 'sfn-async',
  description:
    'WebSocket API starting a Step Functions Standard workflow that answers later through @connections',
  options: [
    {
      name: 'ack',
      description: 'what the client receives at once: the execution ARN, or nothing',
      values: ['execution', 'none'],
      default: 'execution',
    },
    {
      name: 'on-failure',
      description: 'a failed execution: answered with its error, or silent',
      values: ['answer', 'silent'],
      default: 'answer',
    },
    authorizerOption,
  ],
  build(input) {
    const { name, stageName = 'prod', options } = input;
    const definition = JSON.parse(readTemplateFile('sfn-async.asl.json')) as Record<string, Json>;
    const machine = standardStateMachine('Async', {
      definition:
        (options['on-failure'] ?? 'answer') === 'silent' ? withoutFailureAnswer(definition) : definition,
      definitionFileName: 'sfn-async.asl.json',
      grants: [grantConnections(['POST'])],
    });
    const ack = (options.ack ?? 'execution') === 'execution';
    const integration = serviceIntegration('states:StartExecution', machine, {
      requestTemplate: readTemplateFile('sfn-async-request.vtl'),
      ...(ack ? { responseTemplate: readTemplateFile('sfn-async-response.vtl') } : {}),
    });
    return webSocketApp(
      withAuthorizer(
        {
          name,
          description:
            'WebSocket API that starts a Step Functions Standard workflow, which answers through @connections',
          stage: { name: stageName },
          routes: [route('$default', integration, { twoWay: ack })],
        },
        input,
      ),
    );
  },
  tryIt: ({ options }) => ({
    send: '{"hello": "world"}',
    expect: `${
      (options.ack ?? 'execution') === 'execution'
        ? '`{"status": "STARTED", "executionArn": ...}` at once, then '
        : ''
    }after about 2 seconds \`{"status": "SUCCEEDED", "result": {"echo": {"hello": "world"}}}\`${
      (options['on-failure'] ?? 'answer') === 'answer'
        ? '; `{"fail": true}` is answered with `{"status": "FAILED", "error": "Work.Rejected", ...}`'
        : ''
    }`,
  }),
};

/** The definition with no Catch on the work: a failed execution just fails, and nobody is told. */
function withoutFailureAnswer(definition: Record<string, Json>): Record<string, Json> {
  const states = { ...(definition.States as Record<string, Record<string, Json>>) };
  const { Catch: _catch, ...work } = states.Work as Record<string, Json>;
  states.Work = work;
  delete states.AnswerFailure;
  return { ...definition, States: states };
}

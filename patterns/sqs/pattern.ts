/**
 * `sqs`: `$default` sends each message to an SQS queue through a form-encoded VTL request (no
 * Lambda in front), with the sender's connection id as a message attribute. A consumer function
 * reads the queue in batches, answers each sender through `@connections`, and reports failed items,
 * which SQS retries and then moves to a dead-letter queue.
 */
import { queue, route, serviceIntegration, sqsEvent, webSocketApp } from '../../generator/model/build';
import { readTemplateFile } from '../../generator/paths';
import type { Pattern } from '../../generator/pattern';
import { authorizerOption, withAuthorizer } from '../authorizer';
import { replyFunction } from '../reply-function';

export const sqsPattern: Pattern = {
  name: 'sqs',
  description:
    'WebSocket API sending messages to SQS (no Lambda in front); a consumer answers through @connections',
  options: [authorizerOption],
  build(input) {
    const { name, stageName = 'prod' } = input;
    const messages = queue('Messages');
    const consumer = replyFunction(
      'queue-reply.ts',
      'Reads the queue and answers each sender through @connections',
      sqsEvent(messages),
      input,
    );
    return webSocketApp(
      withAuthorizer(
        {
          name,
          description:
            'WebSocket API that queues messages in SQS for a consumer that answers through @connections',
          stage: { name: stageName },
          routes: [
            route(
              '$default',
              serviceIntegration('sqs:SendMessage', messages, {
                requestTemplate: readTemplateFile('sqs-send-message.vtl'),
              }),
            ),
          ],
          consumers: [consumer],
        },
        input,
      ),
    );
  },
  tryIt: () => ({
    send: '{"hello": "world"}',
    expect:
      '`{"processed": {"hello": "world"}, "messageId": ...}` from the consumer; a message that is not JSON gets no answer and, after 3 receives, waits in the dead-letter queue',
  }),
};

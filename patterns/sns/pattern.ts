/**
 * `sns`: `$default` publishes each message to an SNS topic through a form-encoded VTL request (no
 * Lambda in front), with the sender's connection id as a message attribute. Two subscribers: a
 * function that answers the sender through `@connections`, and a queue that keeps every message.
 */
import { queue, route, serviceIntegration, snsEvent, topic, webSocketApp } from '../../generator/model/build';
import { readTemplateFile } from '../../generator/paths';
import type { Pattern } from '../../generator/pattern';
import { authorizerOption, withAuthorizer } from '../authorizer';
import { replyFunction } from '../reply-function';

export const snsPattern: Pattern = {
  name: 'sns',
  description: 'WebSocket API publishing to SNS (no Lambda in front), fanned out to a function and a queue',
  options: [authorizerOption],
  build(input) {
    const { name, stageName = 'prod' } = input;
    const messages = topic('Messages');
    const subscriber = replyFunction(
      'topic-reply.ts',
      'Answers each publisher through @connections',
      snsEvent(messages),
      input,
    );
    return webSocketApp(
      withAuthorizer(
        {
          name,
          description:
            'WebSocket API that publishes messages to an SNS topic with a function and a queue subscribed',
          stage: { name: stageName },
          routes: [
            route(
              '$default',
              serviceIntegration('sns:Publish', messages, {
                requestTemplate: readTemplateFile('sns-publish.vtl'),
              }),
            ),
          ],
          consumers: [subscriber],
          queues: [queue('Archive', { topics: [messages] })],
        },
        input,
      ),
    );
  },
  tryIt: () => ({
    send: '{"hello": "world"}',
    expect:
      '`{"published": "{\\"hello\\": \\"world\\"}", "messageId": ...}` from the subscribed function; the same message also waits in the Archive queue',
  }),
};

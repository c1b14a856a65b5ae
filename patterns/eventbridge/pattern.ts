/**
 * `eventbridge`: `$default` puts each message on the app's own EventBridge bus (no Lambda in
 * front); a rule sends those events to a function that answers the sender through `@connections`.
 */
import {
  eventBridgeEvent,
  eventBus,
  route,
  serviceIntegration,
  webSocketApp,
} from '../../generator/model/build';
import { readTemplateFile } from '../../generator/paths';
import type { Pattern } from '../../generator/pattern';
import { authorizerOption, withAuthorizer } from '../authorizer';
import { replyFunction } from '../reply-function';

export const eventbridgePattern: Pattern = {
  name: 'eventbridge',
  description:
    'WebSocket API putting events on an EventBridge bus (no Lambda in front); a rule routes them to a function',
  options: [authorizerOption],
  build(input) {
    const { name, stageName = 'prod' } = input;
    const bus = eventBus('Messages');
    const target = replyFunction(
      'event-reply.ts',
      'Answers the sender of each event through @connections',
      eventBridgeEvent(bus, { source: ['websocket.messages'], 'detail-type': ['Message received'] }),
      input,
    );
    return webSocketApp(
      withAuthorizer(
        {
          name,
          description:
            'WebSocket API that puts messages on an EventBridge bus, where a rule routes them to a function',
          stage: { name: stageName },
          routes: [
            route(
              '$default',
              serviceIntegration('events:PutEvents', bus, {
                requestTemplate: readTemplateFile('eventbridge-put-events.vtl'),
              }),
            ),
          ],
          consumers: [target],
        },
        input,
      ),
    );
  },
  tryIt: () => ({
    send: '{"hello": "world"}',
    expect: '`{"routed": {"hello": "world"}, "eventId": ...}` from the function the rule targets',
  }),
};

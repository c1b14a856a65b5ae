/**
 * `eventbridge`: `$default` puts each message on the app's own EventBridge bus (no Lambda in
 * front); a rule sends those events to a function that answers the sender through `@connections`.
 */
import {
  connectionsEndpoint,
  eventBridgeEvent,
  eventBus,
  grantConnections,
  lambdaFunction,
  route,
  serviceIntegration,
  webSocketApp,
} from '../../generator/model/build';
import { packagePath, readTemplateFile } from '../../generator/paths';
import type { Pattern } from '../../generator/pattern';
import { authorizerOption, withAuthorizer } from '../authorizer';

export const eventbridgePattern: Pattern = {
  name: 'eventbridge',
  description:
    'WebSocket API putting events on an EventBridge bus (no Lambda in front); a rule routes them to a function',
  options: [authorizerOption],
  build(input) {
    const { name, stageName = 'prod', runtime } = input;
    const bus = eventBus('Messages');
    const target = lambdaFunction('Reply', {
      entry: packagePath('functions', 'event-reply.ts'),
      description: 'Answers the sender of each event through @connections',
      environment: { CONNECTIONS_ENDPOINT: connectionsEndpoint() },
      grants: [grantConnections(['POST'])],
      events: [
        eventBridgeEvent(bus, { source: ['websocket.messages'], 'detail-type': ['Message received'] }),
      ],
      ...(runtime ? { runtime } : {}),
    });
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

/**
 * `lambda`: a Lambda-backed WebSocket API with a DynamoDB connections table: `$connect` stores
 * the connection, `$disconnect` removes it, `sendmessage` broadcasts to every connection, and a
 * two-way `$default` answers the sender.
 */
import {
  connectionsTable,
  grantConnections,
  grantTable,
  lambdaFunction,
  lambdaIntegration,
  route,
  tableName,
  webSocketApp,
} from '../../generator/model/build';
import { packagePath } from '../../generator/paths';
import type { Pattern } from '../../generator/pattern';
import { authorizerOption, withAuthorizer } from '../authorizer';

export const lambdaPattern: Pattern = {
  name: 'lambda',
  description: 'WebSocket API backed by Lambda, with a DynamoDB connections table and broadcast',
  options: [
    {
      name: 'form',
      description:
        "how the API is written: raw ApiGatewayV2 resources, or SAM's AWS::Serverless::WebSocketApi",
      values: ['raw', 'sam'],
      default: 'raw',
    },
    authorizerOption,
  ],
  build(input) {
    const { name, stageName = 'prod', runtime, options } = input;
    const table = connectionsTable('Connections');
    const environment = { TABLE_NAME: tableName(table) };
    const fn = (
      id: string,
      file: string,
      description: string,
      grants: Parameters<typeof lambdaFunction>[1]['grants'],
    ) =>
      lambdaFunction(id, {
        entry: packagePath('functions', file),
        description,
        environment,
        grants,
        ...(runtime ? { runtime } : {}),
      });

    const onConnect = fn('OnConnect', 'connect.ts', 'Stores the connection id', [
      grantTable(table, ['dynamodb:PutItem']),
    ]);
    const onDisconnect = fn('OnDisconnect', 'disconnect.ts', 'Removes the connection id', [
      grantTable(table, ['dynamodb:DeleteItem']),
    ]);
    const sendMessage = fn('SendMessage', 'send-message.ts', 'Broadcasts a message to every connection', [
      grantTable(table, ['dynamodb:Scan', 'dynamodb:DeleteItem']),
      grantConnections(['POST']),
    ]);
    const onDefault = fn('Default', 'default.ts', 'Answers messages no other route takes', []);

    return webSocketApp(
      withAuthorizer(
        {
          name,
          description: 'WebSocket API backed by Lambda, with a DynamoDB connections table',
          stage: { name: stageName },
          form: options.form === 'sam' ? 'sam' : 'raw',
          routes: [
            route('$connect', lambdaIntegration(onConnect)),
            route('$disconnect', lambdaIntegration(onDisconnect)),
            route('sendmessage', lambdaIntegration(sendMessage)),
            route('$default', lambdaIntegration(onDefault), { twoWay: true }),
          ],
        },
        input,
      ),
    );
  },
  tryIt: () => ({
    send: '{"action": "sendmessage", "data": "hello"}',
    expect:
      'every connected client receives `hello`; `{"action": "test"}` is answered with `{"message": "success", ...}`',
  }),
};

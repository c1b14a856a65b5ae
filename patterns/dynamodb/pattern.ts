/**
 * `dynamodb`: API Gateway writes the connections table itself: `$connect` stores the connection
 * with PutItem (expiring after two hours, the longest a connection lives) and `$disconnect` deletes
 * it, both through VTL with no Lambda; a two-way `$default` function answers messages.
 */
import {
  connectionsTable,
  lambdaFunction,
  lambdaIntegration,
  route,
  serviceIntegration,
  webSocketApp,
} from '../../generator/model/build';
import { packagePath, readTemplateFile } from '../../generator/paths';
import type { Pattern } from '../../generator/pattern';
import { authorizerOption, withAuthorizer } from '../authorizer';

export const dynamodbPattern: Pattern = {
  name: 'dynamodb',
  description: 'Connections stored in DynamoDB by API Gateway itself (no Lambda on connect), Lambda $default',
  options: [authorizerOption],
  build(input) {
    const { name, stageName = 'prod', runtime } = input;
    const table = connectionsTable('Connections');
    const onDefault = lambdaFunction('Default', {
      entry: packagePath('functions', 'default.ts'),
      description: 'Answers messages no other route takes',
      ...(runtime ? { runtime } : {}),
    });
    return webSocketApp(
      withAuthorizer(
        {
          name,
          description:
            'WebSocket API whose connections API Gateway stores in DynamoDB, with no Lambda on connect',
          stage: { name: stageName },
          routes: [
            route(
              '$connect',
              serviceIntegration('dynamodb:PutItem', table, {
                requestTemplate: readTemplateFile('dynamodb-connect.vtl'),
              }),
            ),
            route(
              '$disconnect',
              serviceIntegration('dynamodb:DeleteItem', table, {
                requestTemplate: readTemplateFile('dynamodb-disconnect.vtl'),
              }),
            ),
            route('$default', lambdaIntegration(onDefault), { twoWay: true }),
          ],
        },
        input,
      ),
    );
  },
  tryIt: () => ({
    send: '{"hello": "world"}',
    expect:
      '`{"message": "success", "received": {"hello": "world"}, ...}`; meanwhile the connections table holds one item per open connection, with a `ttl` two hours ahead',
  }),
};

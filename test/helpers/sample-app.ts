/** A small app exercising every model item, for synthesis tests. */
import {
  connectionsTable,
  expressStateMachine,
  grantConnections,
  grantTable,
  lambdaFunction,
  lambdaIntegration,
  route,
  stepFunctionsSyncIntegration,
  tableName,
  webSocketApp,
} from '../../generator/model/build';
import type { Route } from '../../generator/model/types';
import { readTemplateFile } from '../../generator/paths';

export const table = connectionsTable('Connections');
export const chat = lambdaFunction('Chat', {
  entry: 'functions/chat.ts',
  environment: { TABLE_NAME: tableName(table), MODE: 'test' },
  grants: [grantTable(table, ['dynamodb:PutItem']), grantConnections(['POST'])],
});
export const machine = expressStateMachine('Orders', {
  definition: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } },
});
export const orders = stepFunctionsSyncIntegration(machine, {
  requestTemplate: readTemplateFile('sfn-sync-request.vtl'),
});

export function sampleApp(extraRoutes: readonly Route[] = []) {
  return webSocketApp({
    name: 'sample',
    routes: [
      route('$connect', lambdaIntegration(chat)),
      route('chat', lambdaIntegration(chat), { twoWay: true }),
      route('order', orders, { twoWay: true }),
      ...extraRoutes,
    ],
  });
}

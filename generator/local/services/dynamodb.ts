/**
 * DynamoDB: the template's tables (`AWS::DynamoDB::Table`) on an in-memory DynamoDB-compatible
 * server (dynalite), created at start under the names their Ref gives. Handlers reach it through
 * `AWS_ENDPOINT_URL_DYNAMODB`. Ref is the table name; GetAtt gives Arn and StreamArn.
 */
import type { LocalDynamo } from '../dynamo';
import { startDynamo } from '../dynamo';
import { localArn, physicalName } from './stand-ins';
import type { LocalService, RunningService } from './types';

export const dynamodbService: LocalService = {
  name: 'dynamodb',
  resourceTypes: ['AWS::DynamoDB::Table'],
  ref: (logicalId, resource, ctx) => physicalName(logicalId, resource, ctx, 'TableName'),
  getAtt(logicalId, resource, attribute, ctx) {
    const table = `table/${physicalName(logicalId, resource, ctx, 'TableName')}`;
    if (attribute === 'Arn') return localArn(ctx, 'dynamodb', table);
    if (attribute === 'StreamArn')
      return localArn(ctx, 'dynamodb', `${table}/stream/1970-01-01T00:00:00.000`);
    return undefined;
  },
  async start(app, host): Promise<RunningService> {
    if (app.tables.length === 0) return { close: async () => {} };
    const dynamo: LocalDynamo = await startDynamo(app.tables, host.host);
    return {
      environment: { AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint },
      banner: [`DynamoDB tables ${app.tables.map((table) => table.name).join(', ')} at ${dynamo.endpoint}`],
      update(next) {
        if (JSON.stringify(next.tables) !== JSON.stringify(app.tables))
          host.log.line('the tables changed: restart wskit local to create them');
      },
      close: () => dynamo.close(),
    };
  },
};

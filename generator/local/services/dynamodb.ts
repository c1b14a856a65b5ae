/**
 * DynamoDB: the template's tables (`AWS::DynamoDB::Table`) on an in-memory DynamoDB-compatible
 * server (dynalite), created at start under the names their Ref gives. Handlers reach it through
 * `AWS_ENDPOINT_URL_DYNAMODB`; API Gateway integrations (`dynamodb:PutItem`...) and Step Functions
 * tasks (`arn:aws:states:::dynamodb:putItem`...) through the same JSON protocol, so answers and
 * errors (`ResourceNotFoundException`, `ConditionalCheckFailedException`) are DynamoDB's own.
 * Ref is the table name; GetAtt gives Arn and StreamArn. Tables with a StreamSpecification get a
 * stream: every writer goes through `dynamodb-streams/` and its event sources run the subscribed functions.
 */
import type { Json } from '../../template/types';
import { startDynamo } from '../dynamo';
import { startStreams } from './dynamodb-streams';
import { callTableServer } from './dynamodb-streams/proxy';
import { streamArn } from './dynamodb-streams/template';
import { localArn, physicalName } from './stand-ins';
import {
  type LocalService,
  type RunningService,
  type ServiceAction,
  type ServiceResponse,
  TaskError,
  type TaskHandler,
} from './types';

/** The data-plane actions API Gateway integrations call. */
const ACTIONS = [
  'PutItem',
  'GetItem',
  'DeleteItem',
  'UpdateItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactGetItems',
  'TransactWriteItems',
] as const;

/** The Step Functions optimized integration's tasks and the action each calls. */
const TASKS = { putItem: 'PutItem', getItem: 'GetItem', updateItem: 'UpdateItem', deleteItem: 'DeleteItem' };

const ERROR_PREFIX = 'com.amazonaws.dynamodb.v20120810#';

export const dynamodbService: LocalService = {
  name: 'dynamodb',
  resourceTypes: ['AWS::DynamoDB::Table'],
  eventTypes: ['DynamoDB'],
  ref: (logicalId, resource, ctx) => physicalName(logicalId, resource, ctx, 'TableName'),
  getAtt(logicalId, resource, attribute, ctx) {
    const table = `table/${physicalName(logicalId, resource, ctx, 'TableName')}`;
    if (attribute === 'Arn') return localArn(ctx, 'dynamodb', table);
    if (attribute === 'StreamArn') return streamArn(localArn(ctx, 'dynamodb', table));
    return undefined;
  },
  async start(app, host): Promise<RunningService> {
    const dynamo = app.tables.length > 0 ? await startDynamo(app.tables, host.host) : undefined;
    const streams = dynamo ? await startStreams(app, host, dynamo.endpoint) : undefined;
    // With no tables every request names a table that does not exist, as DynamoDB answers it.
    const call = (action: string, request: Record<string, unknown>): Promise<ServiceResponse> =>
      dynamo && streams
        ? streams.writer.write(
            action,
            request,
            () => callTableServer(dynamo.endpoint, action, request),
            (answer) => answer.statusCode === 200,
          )
        : Promise.resolve(notFound());
    const actions: Record<string, ServiceAction> = {};
    for (const action of ACTIONS) actions[`dynamodb:${action}`] = (request) => call(action, request);
    const tasks: Record<string, TaskHandler> = {};
    for (const [task, action] of Object.entries(TASKS)) {
      tasks[`arn:aws:states:::dynamodb:${task}`] = async (input) => {
        const response = await call(action, input as Record<string, unknown>);
        if (response.statusCode === 200) return response.body as Json;
        throw taskError(response);
      };
    }
    return {
      actions,
      tasks,
      ...(dynamo
        ? {
            environment: { AWS_ENDPOINT_URL_DYNAMODB: streams?.endpoint ?? dynamo.endpoint },
            banner: streams?.banner ?? [],
          }
        : {}),
      update(next) {
        if (JSON.stringify(next.tables) !== JSON.stringify(app.tables))
          host.log.line('the tables changed: restart wskit local to create them');
      },
      close: async () => {
        await streams?.close();
        await dynamo?.close();
      },
    };
  },
};

function notFound(): ServiceResponse {
  return {
    statusCode: 400,
    body: { __type: `${ERROR_PREFIX}ResourceNotFoundException`, message: 'Requested resource not found' },
  };
}

/** Step Functions names DynamoDB errors `DynamoDB.<Exception>` (`DynamoDB.ConditionalCheckFailedException`). */
function taskError(response: ServiceResponse): TaskError {
  const type = String(response.body.__type ?? 'AmazonDynamoDBException')
    .split('#')
    .at(-1);
  const message = String(response.body.message ?? response.body.Message ?? '');
  return new TaskError(
    `DynamoDB.${type}`,
    `${message} (Service: DynamoDb, Status Code: ${response.statusCode})`,
  );
}

/**
 * DynamoDB streams end to end with a real ws client: `$connect` stores the connection through
 * lib-dynamodb, the function on the table's stream (SAM `Events: Type: DynamoDB`) receives each
 * record as DynamoDB Streams shapes it and sends it back through @connections.
 */
import { type LocalServer, startLocal } from '../../../generator/local/start-local';
import type { Template } from '../../../generator/template/types';
import { Client, eventually, writeApp } from '../helpers';

const FILES: Record<string, string> = {
  'src/join.js': `
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, PutCommand } = require('@aws-sdk/lib-dynamodb');
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
exports.handler = async (event) => {
  await db.send(new PutCommand({
    TableName: process.env.TABLE_NAME,
    Item: { connectionId: event.requestContext.connectionId, name: 'ada' },
  }));
  return { statusCode: 200 };
};
`,
  'src/change.js': `
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, UpdateCommand, DeleteCommand } = require('@aws-sdk/lib-dynamodb');
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
exports.handler = async (event) => {
  const Key = { connectionId: event.requestContext.connectionId };
  const TableName = process.env.TABLE_NAME;
  const { change, name } = JSON.parse(event.body);
  if (change === 'rename')
    await db.send(new UpdateCommand({ TableName, Key, UpdateExpression: 'SET #n = :n',
      ExpressionAttributeNames: { '#n': 'name' }, ExpressionAttributeValues: { ':n': name } }));
  else await db.send(new DeleteCommand({ TableName, Key }));
  return { statusCode: 200 };
};
`,
  // Posting before $connect has finished fails: the batch is retried, as Lambda retries it.
  'src/announce.js': `
const { ApiGatewayManagementApiClient, PostToConnectionCommand } = require('@aws-sdk/client-apigatewaymanagementapi');
const api = new ApiGatewayManagementApiClient({ endpoint: process.env.CALLBACK_URL });
exports.handler = async (event) => {
  for (const record of event.Records) {
    const sameStream = record.eventSourceARN === process.env.STREAM_ARN;
    await api.send(new PostToConnectionCommand({
      ConnectionId: record.dynamodb.Keys.connectionId.S,
      Data: JSON.stringify({ ...record, sameStream }),
    }));
  }
};
`,
};

const TEMPLATE: Template = {
  AWSTemplateFormatVersion: '2010-09-09',
  Transform: 'AWS::Serverless-2016-10-31',
  Globals: {
    Function: {
      Runtime: 'nodejs22.x',
      CodeUri: 'src/',
      Environment: { Variables: { TABLE_NAME: { Ref: 'MembersTable' } } },
    },
  },
  Resources: {
    Api: {
      Type: 'AWS::Serverless::WebSocketApi',
      Properties: {
        RouteSelectionExpression: '$request.body.action',
        StageName: 'live',
        Routes: {
          $connect: { FunctionArn: { 'Fn::GetAtt': ['JoinFunction', 'Arn'] } },
          $default: { FunctionArn: { 'Fn::GetAtt': ['ChangeFunction', 'Arn'] } },
        },
      },
    },
    MembersTable: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'connectionId', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'connectionId', KeyType: 'HASH' }],
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
    },
    JoinFunction: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'join.handler' } },
    ChangeFunction: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'change.handler' } },
    AnnounceFunction: {
      Type: 'AWS::Serverless::Function',
      Properties: {
        Handler: 'announce.handler',
        Environment: {
          Variables: {
            CALLBACK_URL: { 'Fn::Sub': 'https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/live' },
            STREAM_ARN: { 'Fn::GetAtt': ['MembersTable', 'StreamArn'] },
          },
        },
        Events: {
          Members: {
            Type: 'DynamoDB',
            Properties: {
              Stream: { 'Fn::GetAtt': ['MembersTable', 'StreamArn'] },
              StartingPosition: 'LATEST',
              BatchSize: 10,
            },
          },
        },
      },
    },
  },
};

describe('wskit local: DynamoDB streams', () => {
  let server: LocalServer;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startLocal({ appDir: writeApp(TEMPLATE, FILES), port: 0, log: (line) => logs.push(line) });
  });
  afterAll(() => server.close());

  const record = (eventName: string, images: Record<string, unknown>) => ({
    eventID: expect.stringMatching(/^[0-9a-f]{32}$/),
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: server.app.region,
    eventSourceARN: expect.stringMatching(/:table\/.+\/stream\//),
    sameStream: true,
    dynamodb: {
      ApproximateCreationDateTime: expect.any(Number),
      Keys: { connectionId: { S: expect.any(String) } },
      ...images,
      SequenceNumber: expect.stringMatching(/^\d+$/),
      SizeBytes: expect.any(Number),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  });

  it('lists the stream and its function in the start banner', () => {
    expect(server.services).toContain(
      `stream         → ${server.app.stackName}-MembersTable (NEW_AND_OLD_IMAGES), to AnnounceFunction`,
    );
  });

  it('delivers the INSERT of an item $connect wrote to the function on the stream', async () => {
    const client = await Client.connect(server.url);
    const inserted = JSON.parse(await client.next(20_000));
    expect(inserted).toEqual(
      record('INSERT', { NewImage: { connectionId: { S: expect.any(String) }, name: { S: 'ada' } } }),
    );
    const logged = await eventually(async () =>
      logs.some((line) => /stream .*-MembersTable → AnnounceFunction ok \(1 record\) \d+ms$/.test(line)),
    );
    expect(logged).toBe(true);
    await client.close();
  });

  it('delivers MODIFY with the old and new images, then REMOVE with the old one', async () => {
    const client = await Client.connect(server.url);
    expect(JSON.parse(await client.next(20_000)).eventName).toBe('INSERT');
    client.socket.send(JSON.stringify({ change: 'rename', name: 'grace' }));
    const id = { S: expect.any(String) };
    expect(JSON.parse(await client.next(20_000))).toEqual(
      record('MODIFY', {
        NewImage: { connectionId: id, name: { S: 'grace' } },
        OldImage: { connectionId: id, name: { S: 'ada' } },
      }),
    );
    // Messages of one connection run concurrently, as on API Gateway: leave once the rename is seen.
    client.socket.send(JSON.stringify({ change: 'leave' }));
    expect(JSON.parse(await client.next(20_000))).toEqual(
      record('REMOVE', { OldImage: { connectionId: id, name: { S: 'grace' } } }),
    );
    await client.close();
  });
});

const WATCH_FILES: Record<string, string> = {
  'src/put.mjs': `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  const connectionId = event.requestContext.connectionId;
  const { names } = JSON.parse(event.body);
  const writes = names.map((name) => ({
    PutRequest: { Item: { id: connectionId + name, connectionId, name, kind: name === 'hidden' ? 'hide' : 'show' } },
  }));
  await db.send(new BatchWriteCommand({ RequestItems: { [process.env.TABLE_NAME]: writes } }));
  return { statusCode: 200 };
};
`,
  // Reports the first delivery of "flaky" failed and stops there, as partial-batch consumers do.
  'src/watch.mjs': `
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
const api = new ApiGatewayManagementApiClient({ endpoint: process.env.CALLBACK_URL });
export const handler = async (event) => {
  for (const { eventID, dynamodb } of event.Records) {
    const seen = join(tmpdir(), 'wskit-stream-' + eventID);
    const attempt = existsSync(seen) ? 2 : 1;
    writeFileSync(seen, '');
    if (dynamodb.NewImage.name.S === 'flaky' && attempt === 1)
      return { batchItemFailures: [{ itemIdentifier: dynamodb.SequenceNumber }] };
    await api.send(new PostToConnectionCommand({
      ConnectionId: dynamodb.NewImage.connectionId.S,
      Data: JSON.stringify({ name: dynamodb.NewImage.name.S, attempt }),
    }));
  }
  return { batchItemFailures: [] };
};
`,
};

const WATCH_TEMPLATE: Template = {
  AWSTemplateFormatVersion: '2010-09-09',
  Transform: 'AWS::Serverless-2016-10-31',
  Globals: {
    Function: {
      Runtime: 'nodejs22.x',
      CodeUri: 'src/',
      Environment: {
        Variables: {
          TABLE_NAME: { Ref: 'ItemsTable' },
          CALLBACK_URL: { 'Fn::Sub': 'https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/live' },
        },
      },
    },
  },
  Resources: {
    Api: {
      Type: 'AWS::Serverless::WebSocketApi',
      Properties: {
        RouteSelectionExpression: '$request.body.action',
        StageName: 'live',
        Routes: { $default: { FunctionArn: { 'Fn::GetAtt': ['PutFunction', 'Arn'] } } },
      },
    },
    ItemsTable: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      },
    },
    PutFunction: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'put.handler' } },
    WatchFunction: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'watch.handler' } },
    WatchMapping: {
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: {
        EventSourceArn: { 'Fn::GetAtt': ['ItemsTable', 'StreamArn'] },
        FunctionName: { Ref: 'WatchFunction' },
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        FilterCriteria: { Filters: [{ Pattern: '{"dynamodb": {"NewImage": {"kind": {"S": ["show"]}}}}' }] },
      },
    },
  },
};

describe('wskit local: a DynamoDB stream event source mapping with filters and partial batch failures', () => {
  let server: LocalServer;
  const logs: string[] = [];
  beforeAll(async () => {
    const appDir = writeApp(WATCH_TEMPLATE, WATCH_FILES);
    server = await startLocal({ appDir, port: 0, log: (line) => logs.push(line) });
  });
  afterAll(() => server.close());

  it('skips filtered records and retries from the record the function reports failed', async () => {
    const client = await Client.connect(server.url);
    client.socket.send(JSON.stringify({ names: ['a', 'flaky', 'hidden', 'b'] }));
    const messages = [];
    for (let i = 0; i < 3; i += 1) messages.push(JSON.parse(await client.next(20_000)));
    expect(messages).toEqual([
      { name: 'a', attempt: 1 },
      { name: 'flaky', attempt: 2 },
      { name: 'b', attempt: 1 },
    ]);
    const deliveries = () => logs.filter((line) => line.includes('→ WatchFunction'));
    // The second delivery's line follows the function's answer.
    await eventually(async () => deliveries().length === 2);
    expect(deliveries().map((line) => line.replace(/\d+/g, 'N'))).toEqual([
      expect.stringMatching(/ record N failed \(N records, retrying N from it\) Nms$/),
      expect.stringMatching(/ ok \(N records\) Nms$/),
    ]);
    await client.close();
  });
});

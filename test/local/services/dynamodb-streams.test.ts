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

/**
 * The committed bundles of the lambda pattern, run as Lambda would run them, against dynalite on
 * loopback and a real HTTP server standing in for the @connections API.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { packagePath } from '../../generator/paths';
import { type LocalDynamo, startDynalite } from '../helpers/dynalite';

type Handler = (event: APIGatewayProxyWebsocketEventV2) => Promise<{ statusCode: number; body?: string }>;
const TABLE = 'ConnectionsTable';

let dynamo: LocalDynamo;
let management: Server;
const posts: { connectionId: string; data: string }[] = [];
const gone = new Set<string>();

function event(connectionId: string, routeKey: string, body?: string): APIGatewayProxyWebsocketEventV2 {
  return {
    requestContext: {
      connectionId,
      routeKey,
      requestId: `req-${connectionId}`,
      domainName: 'example.invalid',
      stage: 'prod',
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  } as APIGatewayProxyWebsocketEventV2;
}

const load = (name: string): Handler =>
  require(join(packagePath('patterns/lambda/functions', name), 'index.js')).handler;
const stored = async () =>
  ((await dynamo.client.send(new ScanCommand({ TableName: TABLE }))).Items ?? [])
    .map((item) => item.connectionId?.S)
    .sort();

beforeAll(async () => {
  dynamo = await startDynalite();
  await dynamo.createTable(TABLE, 'connectionId');
  management = createServer((request, response) => {
    const connectionId = decodeURIComponent(request.url?.split('/@connections/')[1] ?? '');
    let data = '';
    request.on('data', (chunk) => {
      data += chunk;
    });
    request.on('end', () => {
      if (gone.has(connectionId)) {
        response
          .writeHead(410, { 'content-type': 'application/json', 'x-amzn-errortype': 'GoneException' })
          .end('{"message":"gone"}');
        return;
      }
      posts.push({ connectionId, data });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => management.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    TABLE_NAME: TABLE,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    MANAGEMENT_API_ENDPOINT: `http://127.0.0.1:${(management.address() as AddressInfo).port}/prod`,
  });
});

afterAll(async () => {
  await dynamo.close();
  await new Promise<void>((resolve) => management.close(() => resolve()));
});

test('$connect stores the connection with a TTL about two hours ahead', async () => {
  const before = Math.floor(Date.now() / 1000);
  await expect(load('on-connect')(event('alice', '$connect'))).resolves.toEqual({ statusCode: 200 });
  const item = (
    await dynamo.client.send(new GetItemCommand({ TableName: TABLE, Key: { connectionId: { S: 'alice' } } }))
  ).Item;
  const ttl = Number(item?.ttl?.N);
  expect(ttl).toBeGreaterThanOrEqual(before + 7200);
  expect(ttl).toBeLessThan(before + 7200 + 60);
});

test('sendmessage broadcasts data to every connection and forgets those that are gone', async () => {
  for (const id of ['bob', 'carol', 'stale']) await load('on-connect')(event(id, '$connect'));
  gone.add('stale');
  const result = await load('send-message')(
    event('bob', 'sendmessage', JSON.stringify({ action: 'sendmessage', data: 'hi' })),
  );
  expect(result.statusCode).toBe(200);
  expect(posts.map((p) => p.connectionId).sort()).toEqual(['alice', 'bob', 'carol']);
  expect(posts.every((p) => p.data === 'hi')).toBe(true);
  expect(await stored()).toEqual(['alice', 'bob', 'carol']);
});

test('sendmessage without data answers 400 and sends nothing', async () => {
  posts.length = 0;
  const result = await load('send-message')(event('bob', 'sendmessage', '{"action":"sendmessage"}'));
  expect(result.statusCode).toBe(400);
  expect(posts).toEqual([]);
});

test('$disconnect removes the connection', async () => {
  await load('on-disconnect')(event('carol', '$disconnect'));
  expect(await stored()).toEqual(['alice', 'bob']);
});

test('$default answers the sender with success and what it received', async () => {
  const result = await load('default')(event('alice', '$default', '{"action":"test"}'));
  expect(result.statusCode).toBe(200);
  expect(JSON.parse(result.body ?? '')).toMatchObject({
    message: 'success',
    connectionId: 'alice',
    received: { action: 'test' },
  });
  const raw = await load('default')(event('alice', '$default', 'not json'));
  expect(JSON.parse(raw.body ?? '').received).toBe('not json');
});

test('fails loudly when TABLE_NAME is missing', async () => {
  process.env.TABLE_NAME = '';
  await expect(load('on-connect')(event('erin', '$connect'))).rejects.toThrow('TABLE_NAME is not set');
  process.env.TABLE_NAME = TABLE;
});

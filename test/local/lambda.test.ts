/**
 * The `lambda` example app end to end: its bundled handlers run unchanged against the in-memory
 * DynamoDB table and the `@connections` API, reached through the environment the emulator sets.
 */
import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { Client, eventually, lambdaAppDir, localDynamoDb } from './helpers';

describe('wskit local: lambda', () => {
  let server: LocalServer;
  let dynamodb: DynamoDBClient;
  const tableName = () => server.app.tables[0]?.name as string;
  const stored = async (connectionId: string) =>
    (
      await dynamodb.send(
        new GetItemCommand({ TableName: tableName(), Key: { connectionId: { S: connectionId } } }),
      )
    ).Item !== undefined;

  beforeAll(async () => {
    server = await startLocal({ appDir: await lambdaAppDir(), port: 0 });
    dynamodb = localDynamoDb(server);
  });
  afterAll(async () => {
    dynamodb.destroy();
    await server.close();
  });

  /** Connects and learns the connection id from the two-way $default route. */
  const connect = async () => {
    const client = await Client.connect(server.url);
    const { connectionId } = JSON.parse(await client.request('{"action": "whoami"}'));
    return { client, connectionId: connectionId as string };
  };

  it('answers {"action": "test"} on $default with {"message": "success", ...} to the sender', async () => {
    const client = await Client.connect(server.url);
    const reply = JSON.parse(await client.request('{"action": "test"}'));
    expect(reply).toMatchObject({ message: 'success', routeKey: '$default', received: { action: 'test' } });
    await client.close();
  });

  it('sends a message that is not JSON to $default', async () => {
    const client = await Client.connect(server.url);
    expect(JSON.parse(await client.request('hello there'))).toMatchObject({
      message: 'success',
      received: 'hello there',
    });
    await client.close();
  });

  it('broadcasts sendmessage data to every connected client', async () => {
    const a = await connect();
    const b = await connect();
    a.client.socket.send('{"action": "sendmessage", "data": "hi"}');
    expect(await b.client.next()).toBe('hi');
    expect(await a.client.next()).toBe('hi');
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it('stores the connection on $connect and removes it on $disconnect', async () => {
    const { client, connectionId } = await connect();
    expect(await stored(connectionId)).toBe(true);
    await client.close();
    expect(await eventually(async () => !(await stored(connectionId)))).toBe(true);
  });

  it('removes a stale connection when @connections answers 410', async () => {
    const stale = 'StaleConnId00A=';
    await dynamodb.send(
      new PutItemCommand({
        TableName: tableName(),
        Item: { connectionId: { S: stale }, ttl: { N: '9999999999' } },
      }),
    );
    const { client } = await connect();
    client.socket.send('{"action": "sendmessage", "data": "anyone?"}');
    expect(await client.next()).toBe('anyone?');
    expect(await eventually(async () => !(await stored(stale)))).toBe(true);
    await client.close();
    await dynamodb.send(
      new DeleteItemCommand({ TableName: tableName(), Key: { connectionId: { S: stale } } }),
    );
  });
});

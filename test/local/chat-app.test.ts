/**
 * A hand-written app in the shape of aws-samples/simple-websockets-chat-app, run unchanged: ES
 * module handlers (`"type": "module"`) that import the AWS SDK v3 the Lambda runtime provides, and
 * build their @connections endpoint from the event (`https://${domainName}/${stage}`).
 */

import { join } from 'node:path';
import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { Client, copyApp, eventually, localDynamoDb } from './helpers';

describe('wskit local: a hand-written chat app of ES modules', () => {
  let server: LocalServer;
  let dynamodb: DynamoDBClient;
  beforeAll(async () => {
    // A copy outside this repository, where no node_modules holds the SDK: as in a fresh SAM app.
    server = await startLocal({ appDir: copyApp(join(__dirname, 'fixtures', 'chat-app-esm')), port: 0 });
    dynamodb = localDynamoDb(server);
  });
  afterAll(async () => {
    dynamodb.destroy();
    await server.close();
  });

  const connections = async () =>
    (await dynamodb.send(new ScanCommand({ TableName: 'chat_connections' }))).Count ?? -1;

  it('broadcasts through @connections at the address the event names, and forgets closed connections', async () => {
    const alice = await Client.connect(server.url);
    const bob = await Client.connect(server.url);
    expect(await connections()).toBe(2);

    alice.socket.send(JSON.stringify({ action: 'sendmessage', data: 'hello everyone' }));
    expect(await bob.next()).toBe('hello everyone');
    expect(await alice.next()).toBe('hello everyone');

    await bob.close();
    expect(await eventually(async () => (await connections()) === 1)).toBe(true);
    await alice.close();
  });
});

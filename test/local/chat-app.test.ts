/**
 * A hand-written app in the shape of aws-samples/simple-websockets-chat-app, run unchanged: ES
 * module handlers (`"type": "module"`) that import the AWS SDK v3 the Lambda runtime provides, and
 * build their @connections endpoint from the event (`https://${domainName}/${stage}`).
 */

import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { tempDir } from '../helpers/tmp';
import { Client, eventually } from './helpers';

describe('wskit local: a hand-written chat app of ES modules', () => {
  let server: LocalServer;
  let dynamodb: DynamoDBClient;
  beforeAll(async () => {
    // A copy outside this repository, where no node_modules holds the SDK: as in a fresh SAM app.
    const appDir = join(tempDir('wskit-chat-'), 'app');
    cpSync(join(__dirname, 'fixtures', 'chat-app-esm'), appDir, { recursive: true });
    server = await startLocal({ appDir, port: 0 });
    dynamodb = new DynamoDBClient({
      endpoint: server.dynamoEndpoint as string,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
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

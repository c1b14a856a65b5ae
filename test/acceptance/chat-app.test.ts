/** The chat sample's shape: raw ApiGatewayV2 resources, lib-dynamodb, an endpoint built from apiId. */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { Client, eventually, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: chat-app', () => {
  it('lints with only what is true of it: hard-coded partition and domain, unscoped permissions', () => {
    expect(lintApp('chat-app')).toEqual([
      'I9103 Resources/BroadcastFunction',
      'I9103 Resources/BroadcastIntegration',
      'I9103 Resources/ConnectIntegration',
      'I9103 Resources/DisconnectIntegration',
      'I9104 Outputs/WebSocketURI',
      'I9201 Resources/Stage',
      'I9202 Resources/Stage',
      'W9005 Resources/BroadcastPermission',
      'W9005 Resources/ConnectPermission',
      'W9005 Resources/DisconnectPermission',
    ]);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('chat-app');
    });
    afterAll(() => app?.close());

    const connections = async () =>
      (await app.dynamodb().send(new ScanCommand({ TableName: app.tableName('ConnectionsTable') }))).Count;

    it('serves the Prod stage', () => {
      expect(app.server.url).toMatch(/\/Prod$/);
    });

    it('fans a message out to every connection and forgets the ones that close', async () => {
      const alice = await Client.connect(app.server.url);
      const bob = await Client.connect(app.server.url);
      expect(await connections()).toBe(2);

      alice.socket.send(JSON.stringify({ message: 'sendmessage', data: 'hello, room' }));
      expect(await bob.next()).toBe('hello, room');
      expect(await alice.next()).toBe('hello, room');

      await bob.close();
      expect(await eventually(async () => (await connections()) === 1)).toBe(true);
      await alice.close();
    });
  });
});

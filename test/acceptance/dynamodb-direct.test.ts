/**
 * Connection tracking with no Lambda: $connect PutItem, UpdateItem, GetItem and a Scan listed by a
 * `#foreach` response template, $disconnect DeleteItem.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { Client, eventually, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: dynamodb-direct', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('dynamodb-direct')).toEqual([
      'I9201 Resources/PresenceStage',
      'I9202 Resources/PresenceStage',
    ]);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('dynamodb-direct');
    });
    afterAll(() => app?.close());

    const item = async (connectionId: string) =>
      (
        await app.dynamodb().send(
          new GetItemCommand({
            TableName: app.tableName('ConnectionsTable'),
            Key: { connectionId: { S: connectionId } },
          }),
        )
      ).Item;

    it('stores the connection, updates it, reads it back through a response template, and deletes it', async () => {
      const client = await Client.connect(app.server.url);
      client.socket.send(JSON.stringify({ action: 'setNote', note: 'back in 5' }));
      const status = JSON.parse(
        await client.requestUntil(JSON.stringify({ action: 'status' }), (reply) =>
          reply.includes('back in 5'),
        ),
      );
      expect(status).toEqual({ you: expect.any(String), since: expect.any(Number), note: 'back in 5' });
      expect(await item(status.you)).toMatchObject({ note: { S: 'back in 5' } });

      const other = await Client.connect(app.server.url);
      other.socket.send(JSON.stringify({ action: 'setNote', note: 'on "holiday"' }));
      const who = JSON.parse(
        await client.requestUntil(JSON.stringify({ action: 'who' }), (reply) => reply.includes('holiday')),
      );
      expect(who.count).toBe(2);
      expect(who.notes.sort()).toEqual(['back in 5', 'on "holiday"']);
      await other.close();

      await client.close();
      expect(await eventually(async () => (await item(status.you)) === undefined)).toBe(true);
    });
  });
});

/**
 * A table's DynamoDB stream as a function's event source (`Events: Type: DynamoDB`): `$connect`
 * writes the member, the stream announces it to everyone.
 */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: stream-broadcast', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('stream-broadcast')).toEqual(['I9201 Resources/LobbyApi', 'I9202 Resources/LobbyApi']);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('stream-broadcast');
    });
    afterAll(() => app?.close());

    it('announces each new member from the table stream', async () => {
      const ada = await Client.connect(`${app.server.url}?name=ada`);
      expect(JSON.parse(await ada.next())).toEqual({ joined: ['ada'] });
      const bob = await Client.connect(`${app.server.url}?name=bob`);
      expect(JSON.parse(await bob.next())).toEqual({ joined: ['bob'] });
      expect(JSON.parse(await ada.next())).toEqual({ joined: ['bob'] });
      await Promise.all([ada.close(), bob.close()]);
    });
  });
});

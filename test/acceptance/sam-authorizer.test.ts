/** SAM's own AWS::Serverless::WebSocketApi with a REQUEST authorizer on a header, ES module handlers. */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: sam-authorizer', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('sam-authorizer')).toEqual(['I9201 Resources/TickerApi', 'I9202 Resources/TickerApi']);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('sam-authorizer');
    });
    afterAll(() => app?.close());

    it('serves the StageName and passes the authorizer context to the route', async () => {
      expect(app.server.url).toMatch(/\/live$/);
      const client = await Client.connect(app.server.url, { headers: { Authorization: 'Bearer ada.ada' } });
      expect(JSON.parse(await client.request(JSON.stringify({ action: 'whoami' })))).toEqual({
        user: 'ada',
        plan: 'pro',
        principal: 'ada',
        routeKey: 'whoami',
        stage: 'live',
      });
      await client.close();
    });

    it('refuses a handshake the authorizer denies, and one without the header', async () => {
      await expect(
        Client.connect(app.server.url, { headers: { Authorization: 'Bearer bob.guess' } }),
      ).rejects.toMatchObject({ status: 403 });
      await expect(Client.connect(app.server.url)).rejects.toMatchObject({ status: 401 });
    });
  });
});

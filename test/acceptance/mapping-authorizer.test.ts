/** A raw REQUEST authorizer on a header; a non-proxy Lambda integration picked by content type (no TemplateSelectionExpression). */
import { Client, eventually, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: mapping-authorizer', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('mapping-authorizer')).toEqual([
      'I9103 Resources/ConnectIntegration',
      'I9103 Resources/SignalIntegration',
      'I9103 Resources/TokenAuthorizer',
      'I9201 Resources/Stage',
      'I9202 Resources/Stage',
    ]);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('mapping-authorizer');
    });
    afterAll(() => app?.close());

    it("builds the function's event from the mapping template, with the authorizer's context", async () => {
      const ada = await Client.connect(app.server.url, { headers: { token: 'red:ada' } });
      const bob = await Client.connect(app.server.url, { headers: { token: 'red:bob' } });
      ada.socket.send(JSON.stringify({ action: 'signal', signal: 'it\'s "go"' }));
      const expected = { signal: 'it\'s "go"', from: 'ada', team: 'red', route: 'signal' };
      expect(JSON.parse(await bob.next())).toEqual(expected);
      expect(JSON.parse(await ada.next())).toEqual(expected);
      await Promise.all([ada.close(), bob.close()]);
    });

    it('says in the log why the function failed, though a one-way route answers nothing', async () => {
      const client = await Client.connect(app.server.url, { headers: { token: 'blue:cy' } });
      client.socket.send(JSON.stringify({ action: 'signal', signal: 42 }));
      const logged = await eventually(async () =>
        app.log.some((line) => line.includes('SignalFunction failed: TypeError: signal must be a string')),
      );
      expect(logged).toBe(true);
      expect(client.received).toEqual([]);
      await client.close();
    });

    it('refuses a handshake without the token header, or with one the authorizer denies', async () => {
      await expect(Client.connect(app.server.url)).rejects.toMatchObject({ status: 401 });
      await expect(Client.connect(app.server.url, { headers: { token: 'nobody' } })).rejects.toMatchObject({
        status: 403,
      });
    });
  });
});

/**
 * An inline (ZipFile) REQUEST authorizer whose identity source is the `X-Forwarded-Proto` header
 * API Gateway adds to every `$connect`, letting in only clients that reached the API over TLS.
 */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: tls-gate', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('tls-gate')).toEqual(['I9201 Resources/Stage', 'I9202 Resources/Stage']);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('tls-gate');
    });
    afterAll(() => app?.close());

    it('lets a client in with the forwarding headers API Gateway adds, and the routes see what the gate saw', async () => {
      const client = await Client.connect(app.server.url);
      const reply = JSON.parse(await client.request(JSON.stringify({ kind: 'echo', text: 'over tls' })));
      expect(reply).toEqual({ text: 'over tls', port: '443', via: '127.0.0.1' });
      await client.close();
    });

    it('appends the client address to an X-Forwarded-For the client sent, and keeps the scheme its own', async () => {
      const client = await Client.connect(app.server.url, {
        headers: { 'X-Forwarded-For': '198.51.100.7', 'X-Forwarded-Proto': 'http' },
      });
      const reply = JSON.parse(await client.request(JSON.stringify({ kind: 'echo', text: 'proxied' })));
      expect(reply).toEqual({ text: 'proxied', port: '443', via: '198.51.100.7, 127.0.0.1' });
      await client.close();
    });
  });
});

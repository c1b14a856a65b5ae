/** A Python $default and a Node.js route beside a Java route that cannot run here. */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: mixed-runtimes', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('mixed-runtimes')).toEqual(['I9201 Resources/ToolsApi', 'I9202 Resources/ToolsApi']);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    let client: Client;
    beforeAll(async () => {
      app = await runApp('mixed-runtimes');
      client = await Client.connect(app.server.url);
    });
    afterAll(async () => {
      await client?.close();
      await app?.close();
    });

    it('runs the Python $default handler', async () => {
      expect(JSON.parse(await client.request('plain text'))).toEqual({
        echo: 'plain text',
        route: '$default',
        python: expect.stringMatching(/^3\./),
        remaining_ms_positive: true,
      });
    });

    it('runs the Node.js route', async () => {
      expect(JSON.parse(await client.request(JSON.stringify({ action: 'ping' })))).toMatchObject({
        pong: true,
      });
    });

    it('answers the Java route as a failing integration, and says why in the log', async () => {
      expect(JSON.parse(await client.request(JSON.stringify({ action: 'report' })))).toMatchObject({
        message: 'Internal server error',
      });
      expect(app.log.join('\n')).toMatch(/java21/);
    });
  });
});

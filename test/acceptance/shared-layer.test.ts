/** Handlers importing shared code from layers the template builds from its own folders (CommonJS, ES modules, Python). */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: shared-layer', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('shared-layer')).toEqual(['I9201 Resources/StampApi', 'I9202 Resources/StampApi']);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    let client: Client;
    beforeAll(async () => {
      app = await runApp('shared-layer');
      client = await Client.connect(app.server.url);
    });
    afterAll(async () => {
      await client?.close();
      await app?.close();
    });

    it('runs a Node.js handler that requires a package from its layer', async () => {
      expect(JSON.parse(await client.request(JSON.stringify({ action: 'stamp', text: 'ok' })))).toEqual({
        stamped: '[stamped] ok',
      });
    });

    it('runs an ES module handler that imports a package from its layer', async () => {
      expect(JSON.parse(await client.request(JSON.stringify({ action: 'stampEsm', text: 'ok' })))).toEqual({
        stamped: '[stamped] ok',
        module: 'esm',
      });
    });

    it('runs a Python handler that imports a package from its layer', async () => {
      expect(JSON.parse(await client.request(JSON.stringify({ action: 'shout', text: 'ok' })))).toEqual({
        shouted: 'OK!',
      });
    });
  });
});

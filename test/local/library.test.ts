/**
 * `wskit/local` as an app's own tests use it: a separate node process imports the built package by
 * name, runs the sfn-sync example and talks to it with a real client. `import 'wskit'` must not load
 * the emulator's servers.
 */
import { runModule } from '../helpers/cli';

describe('wskit/local', () => {
  it('starts an app from a test: a real client gets the route answer, close() stops everything', async () => {
    const output = await runModule(`
      import { startLocal } from 'wskit/local';
      import WebSocket from 'ws';
      const local = await startLocal({ appDir: 'patterns/sfn-sync', port: 0, waitScale: 0 });
      const socket = new WebSocket(local.url);
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send('{"first_name": "Jane"}');
      const reply = JSON.parse(await new Promise((resolve) => socket.once('message', (data) => resolve(String(data)))));
      const before = local.connectionCount();
      await local.close();
      console.log(JSON.stringify({ status: reply.status, output: reply.output, before, after: local.connectionCount() }));
    `);
    expect(JSON.parse(output)).toEqual({
      status: 'SUCCEEDED',
      output: '{"first_name":"Jane"}',
      before: 1,
      after: 0,
    });
  });

  it("leaves the WebSocket and table servers out of `import 'wskit'`", async () => {
    const output = await runModule(`
      import { createRequire } from 'node:module';
      const loaded = () => Object.keys(createRequire(import.meta.url).cache)
        .filter((file) => /node_modules\\/(ws|dynalite)\\//.test(file)).length > 0;
      const library = await import('wskit');
      const withLibrary = loaded();
      await import('wskit/local');
      console.log(JSON.stringify({ synthesize: typeof library.synthesize, withLibrary, withLocal: loaded() }));
    `);
    expect(JSON.parse(output)).toEqual({ synthesize: 'function', withLibrary: false, withLocal: true });
  });
});

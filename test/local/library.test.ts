/**
 * `wskit/local` as an app's own tests use it: a separate node process imports the built package by
 * name, runs the sfn-sync example and talks to it with a real client. `import 'wskit'` must not load
 * the emulator's servers.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { packagePath } from '../../generator/paths';

const run = promisify(execFile);

/** Runs an ES module in a fresh node process at the package root, where `wskit` names this package. */
async function node(source: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', source], {
    cwd: packagePath(),
    timeout: 20_000,
  });
  return stdout.trim();
}

describe('wskit/local', () => {
  it('starts an app from a test: a real client gets the route answer, close() stops everything', async () => {
    const output = await node(`
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
    const output = await node(`
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

/**
 * `wskit local --watch`: a change to any file a handler imports reloads the function (TypeScript is
 * bundled again), a change that does not build keeps the last good code, and a JavaScript app
 * folder replaced whole, as `wskit generate --force` replaces it, is followed too.
 */
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { packagePath } from '../../generator/paths';
import { tempDir } from '../helpers/tmp';
import { Client, eventually } from './helpers';

/** A copy of a fixture or example app, to change files in. */
function copyOf(appDir: string): string {
  const dir = join(tempDir('wskit-watch-'), 'app');
  cpSync(appDir, dir, { recursive: true });
  return dir;
}

/** Sends `message` until the reply satisfies `check` (each send runs the function's current code). */
async function replyEventually(server: LocalServer, message: string, check: (reply: string) => boolean) {
  const client = await Client.connect(server.url);
  try {
    let last = '';
    const held = await eventually(async () => {
      last = await client.request(message);
      return check(last);
    }, 10_000);
    return { held, last };
  } finally {
    await client.close();
  }
}

describe('wskit local --watch', () => {
  it('bundles TypeScript again when an imported file changes; a broken change keeps the last good build', async () => {
    const dir = copyOf(join(__dirname, 'fixtures', 'typescript-app'));
    const logs: string[] = [];
    const server = await startLocal({ appDir: dir, port: 0, watch: true, log: (line) => logs.push(line) });
    try {
      const message = '{"name": "Jane"}';
      expect((await replyEventually(server, message, (reply) => reply.includes('hello Jane'))).held).toBe(
        true,
      );

      writeFileSync(
        join(dir, 'hello', 'greeting.ts'),
        'export const greeting = (name: string) => `hi ${name}`;\n',
      );
      expect((await replyEventually(server, message, (reply) => reply.includes('"hi Jane"'))).held).toBe(
        true,
      );
      expect(
        logs.some((line) =>
          line.endsWith('[HelloFunction] code changed: the next call starts a fresh environment'),
        ),
      ).toBe(true);

      writeFileSync(
        join(dir, 'hello', 'greeting.ts'),
        'export const greeting = (name: string) => `oops ${name`;\n',
      );
      expect(
        await eventually(async () =>
          logs.some((line) =>
            /\[HelloFunction\] rebuild failed, still running the last good build: .+greeting\.ts/.test(line),
          ),
        ),
      ).toBe(true);
      expect((await replyEventually(server, message, () => true)).last).toContain('"hi Jane"');
    } finally {
      await server.close();
    }
  });

  it('reloads JavaScript handlers, also when the whole app folder is replaced', async () => {
    const dir = copyOf(packagePath('patterns', 'lambda'));
    const logs: string[] = [];
    const server = await startLocal({ appDir: dir, port: 0, watch: true, log: (line) => logs.push(line) });
    const bundle = (root: string) => join(root, 'functions', 'default', 'index.js');
    const original = readFileSync(bundle(dir), 'utf8');
    try {
      const message = '{"action": "test"}';
      expect((await replyEventually(server, message, (reply) => reply.includes('"success"'))).held).toBe(
        true,
      );

      writeFileSync(bundle(dir), original.replace('message: "success"', 'message: "edited"'));
      expect((await replyEventually(server, message, (reply) => reply.includes('"edited"'))).held).toBe(true);

      // As `generate --force` does: a new folder is written beside the old and renamed into its place.
      const staged = `${dir}.staged`;
      cpSync(dir, staged, { recursive: true });
      writeFileSync(bundle(staged), original.replace('message: "success"', 'message: "regenerated"'));
      renameSync(dir, `${dir}.previous`);
      renameSync(staged, dir);
      rmSync(`${dir}.previous`, { recursive: true });
      expect((await replyEventually(server, message, (reply) => reply.includes('"regenerated"'))).held).toBe(
        true,
      );
      expect(
        logs.filter((line) => line.includes('[DefaultFunction] code changed')).length,
      ).toBeGreaterThanOrEqual(2);
      expect(logs.some((line) => /\[(OnConnect|SendMessage)Function\] code changed/.test(line))).toBe(false);
    } finally {
      await server.close();
    }
    expect(existsSync(dir)).toBe(true);
  });
});

/**
 * `wskit local --watch`: a change to any file a handler imports reloads the function (TypeScript is
 * bundled again), a change that does not build keeps the last good code, and a JavaScript app
 * folder replaced whole, as `wskit generate --force` replaces it, is followed too.
 */
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocal } from '../../generator/local/start-local';
import { packagePath } from '../../generator/paths';
import { Client, copyApp, eventually } from './helpers';

describe('wskit local --watch', () => {
  it('bundles TypeScript again when an imported file changes; a broken change keeps the last good build', async () => {
    const dir = copyApp(join(__dirname, 'fixtures', 'typescript-app'));
    const logs: string[] = [];
    const server = await startLocal({ appDir: dir, port: 0, watch: true, log: (line) => logs.push(line) });
    const client = await Client.connect(server.url);
    try {
      const message = '{"name": "Jane"}';
      expect(await client.request(message)).toContain('"hello Jane"');

      const greeting = join(dir, 'hello', 'greeting.ts');
      writeFileSync(greeting, 'export const greeting = (name: string) => `hi ${name}`;\n');
      expect(await client.requestUntil(message, (reply) => reply.includes('"hi Jane"'))).toContain(
        '"hi Jane"',
      );
      expect(logs).toContainEqual(
        expect.stringMatching(/\[HelloFunction\] code changed: the next call starts a fresh environment$/),
      );

      writeFileSync(greeting, 'export const greeting = (name: string) => `oops ${name`;\n');
      const failed = /\[HelloFunction\] rebuild failed, still running the last good build: .+greeting\.ts/;
      expect(await eventually(async () => logs.some((line) => failed.test(line)))).toBe(true);
      expect(await client.request(message)).toContain('"hi Jane"');
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('reloads JavaScript handlers, also when the whole app folder is replaced', async () => {
    const dir = copyApp(packagePath('patterns', 'lambda'));
    const logs: string[] = [];
    const server = await startLocal({ appDir: dir, port: 0, watch: true, log: (line) => logs.push(line) });
    const client = await Client.connect(server.url);
    const bundle = (root: string) => join(root, 'functions', 'default', 'index.js');
    const original = readFileSync(bundle(dir), 'utf8');
    try {
      const message = '{"action": "test"}';
      expect(await client.request(message)).toContain('"success"');

      writeFileSync(bundle(dir), original.replace('message: "success"', 'message: "edited"'));
      expect(await client.requestUntil(message, (reply) => reply.includes('"edited"'))).toContain('"edited"');

      // As `generate --force` does: a new folder is written beside the old and renamed into its place.
      const staged = `${dir}.staged`;
      cpSync(dir, staged, { recursive: true });
      writeFileSync(bundle(staged), original.replace('message: "success"', 'message: "regenerated"'));
      renameSync(dir, `${dir}.previous`);
      renameSync(staged, dir);
      rmSync(`${dir}.previous`, { recursive: true });
      expect(await client.requestUntil(message, (reply) => reply.includes('"regenerated"'))).toContain(
        '"regenerated"',
      );
      expect(
        logs.filter((line) => line.includes('[DefaultFunction] code changed')).length,
      ).toBeGreaterThanOrEqual(2);
      expect(logs.some((line) => /\[(OnConnect|SendMessage)Function\] code changed/.test(line))).toBe(false);
    } finally {
      await client.close();
      await server.close();
    }
    expect(existsSync(dir)).toBe(true);
  });

  it('reloads a Python handler when a .py file in its code folder changes', async () => {
    const dir = copyApp(join(__dirname, 'fixtures', 'python-app'));
    const logs: string[] = [];
    const server = await startLocal({ appDir: dir, port: 0, watch: true, log: (line) => logs.push(line) });
    const client = await Client.connect(server.url);
    try {
      const message = '{"say": "hi"}';
      expect(JSON.parse(await client.request(message)).greeting).toBe('hello from the template');
      const handler = join(dir, 'src', 'app.py');
      writeFileSync(
        handler,
        readFileSync(handler, 'utf8').replace('os.environ["GREETING"]', '"edited in place"'),
      );
      expect(await client.requestUntil(message, (reply) => reply.includes('edited in place'))).toContain(
        'edited in place',
      );
      expect(logs).toContainEqual(expect.stringMatching(/\[EchoFunction\] code changed/));
    } finally {
      await client.close();
      await server.close();
    }
  });
});

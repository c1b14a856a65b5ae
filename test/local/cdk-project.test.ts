/**
 * `wskit local` in a CDK project folder (cdk.json): it runs the project's synth, prints its time,
 * and serves the stack; `--watch` synthesizes again when a source changes and refuses a broken
 * synth while the old app keeps running; `--no-synth` uses the cdk.out as it is. The project is a
 * copy of test/fixtures/cdk/watch-app beside it (inside the repository, where aws-cdk-lib resolves).
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../generator/paths';
import { type AwsTrap, startTrap, startTrappedCli, stopCli } from '../helpers/aws-trap';
import { expectOneLineError, wskit } from '../helpers/cli';
import { Client, eventually } from './helpers';

const fixture = packagePath('test', 'fixtures', 'cdk', 'watch-app');
const project = join(fixture, '..', `.wskit-tmp-project-${process.pid}`);
let trap: AwsTrap;

beforeAll(async () => {
  cpSync(fixture, project, { recursive: true });
  trap = await startTrap();
});
afterAll(() => {
  trap.server.close();
  rmSync(project, { recursive: true, force: true });
});

describe('wskit local in a CDK project folder', () => {
  it('refuses --no-synth before any synth wrote the assembly, on one line', () => {
    expectOneLineError(
      wskit(['local', project, '--no-synth']),
      2,
      /^wskit: --no-synth: .*cdk\.out holds no cloud assembly; run without --no-synth$/,
    );
  });

  it('synthesizes, serves the stack, and follows source changes; a broken synth keeps the running app', async () => {
    const cli = startTrappedCli(['--port', '0', '--watch'], trap.endpoint, { cwd: project });
    try {
      const url = await cli.url;
      expect(cli.output()).toMatch(/^cdk synth: cdk\.out in \d+\.\d s$/m);
      expect(cli.output()).toMatch(/watching\s+→ the CDK app's sources/);
      const client = await Client.connect(url);
      expect(await client.request('{}')).toBe('version 1');

      writeFileSync(
        join(project, 'handler', 'index.js'),
        readFileSync(join(fixture, 'handler', 'index.js'), 'utf8').replace('version 1', 'version 2'),
      );
      expect(await client.requestUntil('{}', (reply) => reply === 'version 2', 20_000)).toBe('version 2');

      const app = join(project, 'app.ts');
      writeFileSync(app, `throw new Error('broken on purpose');\n${readFileSync(app, 'utf8')}`);
      const refused =
        /cdk synth \(node app\.ts\) failed: Error: broken on purpose; the running app stays as it was/;
      expect(await eventually(async () => refused.test(cli.output()), 20_000)).toBe(true);
      expect(await client.request('{}')).toBe('version 2');
      await client.close();
    } finally {
      await stopCli(cli.child);
    }
    expect(trap.seen).toEqual([]);
  }, 60_000);

  it('--no-synth serves the cdk.out already there', async () => {
    const cli = startTrappedCli([project, '--port', '0', '--no-synth'], trap.endpoint);
    try {
      const client = await Client.connect(await cli.url);
      expect(await client.request('{}')).toBe('version 2');
      await client.close();
      expect(cli.output()).not.toMatch(/cdk synth/);
    } finally {
      await stopCli(cli.child);
    }
  }, 30_000);

  it('serves a template of the assembly given as a file', async () => {
    const cli = startTrappedCli(
      [join(project, 'cdk.out', 'Watched.template.json'), '--port', '0'],
      trap.endpoint,
    );
    try {
      const client = await Client.connect(await cli.url);
      expect(await client.request('{}')).toBe('version 2');
      await client.close();
    } finally {
      await stopCli(cli.child);
    }
  }, 30_000);

  it('reports a synth that fails at start on one line', () => {
    expectOneLineError(
      wskit(['local', project, '--port', '0']),
      2,
      /^wskit: cdk synth \(node app\.ts\) failed: Error: broken on purpose$/,
    );
  }, 30_000);
});

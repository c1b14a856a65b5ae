/**
 * An AWS SDK package wskit does not ship, installed into the per-user cache on first use: at the
 * SDK release wskit ships (a newer version of the package is not taken), once however many ask at
 * the same moment, and never under --offline, where the handler fails with the command that
 * installs it. npm is the real client; its registry is a local one (fake-registry.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sdkCache } from '../../generator/local/lambda/sdk-cache-loader';
import { installSdkPackage } from '../../generator/local/lambda/sdk-install';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import type { Template } from '../../generator/template/types';
import { type FakeRegistry, fakeRegistry } from './fake-registry';
import { Client, eventually, lambdaRoute, websocketApi, writeApp } from './helpers';

const NAME = '@aws-sdk/client-bedrock-runtime';
// 3.1.0 is of an older release than wskit's SDK; 999.0.0 of a later one, which must not be taken.
const VERSIONS = ['3.1.0', '999.0.0'];

let registry: FakeRegistry;
const saved = { ...process.env };
beforeAll(async () => {
  registry = await fakeRegistry(NAME, VERSIONS, (version) => ({
    'index.js': `exports.BedrockRuntimeClient = class {}; exports.version = '${version}';`,
  }));
}, 60_000);
afterAll(() => registry.close());
beforeEach(() => {
  process.env.WSKIT_CACHE_DIR = mkdtempSync(join(tmpdir(), 'wskit-cache-'));
  process.env.npm_config_registry = registry.url;
  process.env.npm_config_cache = mkdtempSync(join(tmpdir(), 'wskit-npm-cache-'));
  registry.downloads.length = 0;
});
afterEach(() => {
  process.env = { ...saved };
});

describe('the cache of AWS SDK packages wskit does not ship', () => {
  it('installs a package once when two installs start together, at the SDK release wskit ships', async () => {
    const root = sdkCache.sdkCacheRoot();
    const { release, pins } = sdkCache.shippedSdk();
    const dir = sdkCache.cachedProjectDir(root, release, NAME);
    const logs: string[] = [];
    const options = {
      dir,
      range: sdkCache.releaseRange(release),
      release,
      pins,
      log: (l: string) => logs.push(l),
    };
    const [first, second] = await Promise.all([
      installSdkPackage(NAME, options),
      installSdkPackage(NAME, options),
    ]);
    expect(first).toEqual({ ok: true, dir });
    expect(second).toEqual({ ok: true, dir });
    expect(registry.downloads).toEqual(['3.1.0']);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain(`installing ${NAME} (its version of the AWS SDK release ${release}`);
    const installed = JSON.parse(readFileSync(join(dir, 'node_modules', NAME, 'package.json'), 'utf8'));
    expect(installed.version).toBe('3.1.0');
    // The packages it shares with wskit's SDK are pinned to the versions wskit runs.
    const project = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(project.overrides['@smithy/core']).toBe(pins['@smithy/core']);
    expect(project.overrides['@aws-sdk/core']).toBe(pins['@aws-sdk/core']);
    // Nothing half-done is left beside it: no temporary folder, no lock.
    expect(readdirSync(join(root, release))).toEqual([NAME.replace('/', '+')]);
  }, 60_000);

  it('takes over a lock left by a process that is gone', async () => {
    const root = sdkCache.sdkCacheRoot();
    const { release, pins } = sdkCache.shippedSdk();
    const dir = sdkCache.cachedProjectDir(root, release, NAME);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    mkdirSync(`${dir}.lock`, { recursive: true });
    writeFileSync(join(`${dir}.lock`, 'owner'), gone.stdout);
    const outcome = await installSdkPackage(NAME, {
      dir,
      range: `<=${release}`,
      release,
      pins,
      log: () => {},
    });
    expect(outcome).toEqual({ ok: true, dir });
    expect(existsSync(`${dir}.lock`)).toBe(false);
  }, 60_000);

  it('reports why npm failed and leaves nothing in the cache', async () => {
    const root = sdkCache.sdkCacheRoot();
    const { release, pins } = sdkCache.shippedSdk();
    const name = '@aws-sdk/client-not-in-this-registry';
    const dir = sdkCache.cachedProjectDir(root, release, name);
    const outcome = await installSdkPackage(name, {
      dir,
      range: `<=${release}`,
      release,
      pins,
      log: () => {},
    });
    expect(outcome).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^npm install failed \(exit \d+\): .*404/),
    });
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(join(root, release))).toEqual([]);
  }, 60_000);
});

const template: Template = {
  Resources: {
    ...websocketApi('bedrock-chat', 'prod'),
    ...lambdaRoute(
      'Api',
      '$connect',
      'ConnectFunction',
      {
        Type: 'AWS::Serverless::Function',
        Properties: { CodeUri: 'connect/', Handler: 'app.handler', Runtime: 'nodejs22.x' },
      },
      false,
    ),
    ...lambdaRoute('Api', 'which', 'WhichFunction', {
      Type: 'AWS::Serverless::Function',
      Properties: { CodeUri: 'which/', Handler: 'app.handler', Runtime: 'nodejs22.x' },
    }),
  },
};

const FILES = {
  // Nothing here calls Bedrock: the import alone must not break $connect.
  'connect/app.mjs': `import { BedrockRuntimeClient } from '${NAME}';
export const handler = async () => ({ statusCode: 200 });`,
  'which/app.js': `const { version } = require('${NAME}');
exports.handler = async () => ({ statusCode: 200, body: version });`,
};

describe('wskit local with a handler importing an SDK client wskit does not ship', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('installs it before the functions run, with one log line, and both module kinds load it', async () => {
    const logs: string[] = [];
    server = await startLocal({ appDir: writeApp(template, FILES), port: 0, log: (line) => logs.push(line) });
    expect(logs.filter((line) => line.includes(`installing ${NAME}`))).toHaveLength(1);
    expect(registry.downloads).toEqual(['3.1.0']);
    const client = await Client.connect(server.url);
    expect(await client.request('{"action": "which"}')).toBe('3.1.0');
    await client.close();
  }, 60_000);

  it('under --watch, installs a package a changed handler starts importing, then reloads it', async () => {
    const logs: string[] = [];
    const appDir = writeApp(template, {
      'connect/app.mjs': 'export const handler = async () => ({ statusCode: 200 });',
      'which/app.js': "exports.handler = async () => ({ statusCode: 200, body: 'none yet' });",
    });
    server = await startLocal({ appDir, port: 0, watch: true, log: (line) => logs.push(line) });
    const client = await Client.connect(server.url);
    expect(await client.request('{"action": "which"}')).toBe('none yet');
    writeFileSync(join(appDir, 'which', 'app.js'), FILES['which/app.js']);
    expect(
      await eventually(async () => (await client.request('{"action": "which"}')) === '3.1.0', 20_000),
    ).toBe(true);
    expect(logs.filter((line) => line.includes(`installing ${NAME}`))).toHaveLength(1);
    await client.close();
  }, 60_000);

  it('under --offline installs nothing, and the handler fails with the command that installs it', async () => {
    const logs: string[] = [];
    const appDir = writeApp(template, FILES);
    server = await startLocal({ appDir, port: 0, offline: true, log: (line) => logs.push(line) });
    const { release } = sdkCache.shippedSdk();
    const command = (dir: string) =>
      `npm install --save-dev "${NAME}@<=${release}" (in ${join(appDir, dir)})`;
    const said = `[WhichFunction] ${NAME} is not installed, and --offline installs nothing; ${command('which')}`;
    expect(logs.filter((line) => line.endsWith(said))).toHaveLength(1);
    const refused = await Client.connect(server.url).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(Error); // $connect cannot load its module: the handshake is refused
    const failure = logs.find((line) => line.includes('ConnectFunction failed:')) ?? '';
    expect(failure).toMatch(
      /Runtime\.ImportModuleError: Cannot find package '@aws-sdk\/client-bedrock-runtime' imported from /,
    );
    expect(failure.endsWith(`To run this function locally: ${command('connect')}`)).toBe(true);
    expect(registry.downloads).toEqual([]);
  }, 60_000);
});

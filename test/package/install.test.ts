/**
 * wskit as its users get it: `npm pack`, the tarball installed into a fresh project (hoisted, as npm
 * does it), the CLI run from a folder outside that project, and the public types checked under a
 * consumer's strictest settings in each module resolution mode.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../generator/paths';
import { tempDir } from '../helpers/tmp';
import { Client } from '../local/helpers';

jest.setTimeout(300_000);

const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
const root = tempDir('wskit-package-');
const project = join(root, 'project');
const outside = join(root, 'elsewhere');
const bin = join(project, 'node_modules', '.bin', 'wskit');
let packed: { files: { path: string }[] };

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund'], {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function wskit(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: outside, env, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  mkdirSync(project);
  mkdirSync(outside);
  [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', root], packagePath()));
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }),
  );
  npm(['install', '--prefer-offline', join(root, `wskit-${manifest().version}.tgz`)], project);
});

const manifest = () => JSON.parse(readFileSync(packagePath('package.json'), 'utf8'));

describe('the packed tarball', () => {
  it('holds what runs, the types and the docs; no build scripts, sources, maps or example apps', () => {
    const files = packed.files.map((file) => file.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'bin/wskit.mjs',
        'dist/cli.mjs',
        'dist/THIRD-PARTY-LICENSES',
      ]),
    );
    for (const entry of Object.values(manifest().exports) as (string | Record<string, string>)[]) {
      for (const target of typeof entry === 'string' ? [entry] : Object.values(entry)) {
        expect(files).toContain(target.replace(/^\.\//, ''));
      }
    }
    const unwanted = files.filter((file) =>
      /^(scripts|patterns|test|bench)\/|spec-source|\.map$|^generator\/.*\.ts$/.test(file),
    );
    expect(unwanted).toEqual([]);
  });
});

describe('the CLI of the installed package, run from a folder outside the project', () => {
  it('generates both patterns and lints them clean', () => {
    expect(wskit(['generate', 'sfn-sync', '--out', 'orders'])).toMatchObject({ status: 0 });
    expect(wskit(['generate', 'lambda', '--out', 'chat'])).toMatchObject({ status: 0 });
    expect(wskit(['lint', 'orders/template.yml', 'chat'])).toEqual({ status: 0, output: '' });
  });

  it('type-checks the pattern functions on request, with the types the package depends on', () => {
    expect(wskit(['generate', 'lambda', '--out', 'checked', '--typecheck'])).toMatchObject({ status: 0 });
  });

  it('runs the sfn-sync app locally: a real client gets the execution result', async () => {
    await withLocal('orders', async (client) => {
      const reply = JSON.parse(await client.request('{"first_name": "Jane"}'));
      expect(reply).toMatchObject({ status: 'SUCCEEDED', output: '{"first_name":"Jane"}' });
    });
  });

  it('runs the lambda app locally: $connect stores the connection, sendmessage broadcasts it back', async () => {
    await withLocal('chat', async (client) => {
      expect(await client.request('{"action": "sendmessage", "data": "hello"}')).toBe('hello');
    });
  });
});

async function withLocal(app: string, use: (client: Client) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, [bin, 'local', app, '--port', '0', '--wait-scale', '0'], {
    cwd: outside,
    env,
  });
  try {
    const client = await Client.connect(await announcedUrl(child));
    await use(client);
    await client.close();
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
}

function announcedUrl(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Try: wscat -c (\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.once('exit', () => reject(new Error(`wskit local exited early:\n${output}`)));
  });
}

/** Uses every runtime export of both entry points, and the documented types, as a consumer would. */
const CONSUMER = `
import {
  type App, BundleError, connectionsTable, expressStateMachine, type Finding, grantConnections,
  grantTable, type Json, LintInputError, type LintOptions, lambdaFunction, lambdaIntegration,
  lintTemplateText, ModelError, RUNTIMES, type Runtime, route, type Severity, type SynthResult,
  stepFunctionsSyncIntegration, synthesize, tableName, type Template, toYaml, UsageError,
  webSocketApp, WskitError,
} from 'wskit';
import { type LocalApp, type LocalServer, type StartLocalOptions, startLocal } from 'wskit/local';

const runtime: Runtime = RUNTIMES[1];
const table = connectionsTable('Connections');
const chat = lambdaFunction('Chat', {
  entry: 'src/chat.ts',
  runtime,
  environment: { TABLE_NAME: tableName(table) },
  grants: [grantTable(table, ['dynamodb:Scan']), grantConnections(['POST'])],
});
const definition: Json = { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } };
const flow = expressStateMachine('Flow', { definition });
export const app: App = webSocketApp({
  name: 'chat',
  routes: [
    route('$default', lambdaIntegration(chat), { twoWay: true }),
    route('flow', stepFunctionsSyncIntegration(flow, { requestTemplate: '{}' }), { twoWay: true }),
  ],
});
const result: SynthResult = synthesize(app);
const template: Template = result.template;
const options: LintOptions = { ignoreChecks: ['I'] };
const findings: readonly Finding[] = lintTemplateText(toYaml(template), 'template.yml', options);
export const severities: Severity[] = findings.map((finding) => finding.severity);
export const errorTypes: (typeof WskitError)[] = [UsageError, ModelError, BundleError, LintInputError];

export async function run(appDir: string): Promise<number> {
  const start: StartLocalOptions = { appDir, port: 0, waitScale: 0 };
  const local: LocalServer = await startLocal(start);
  const running: LocalApp = local.app;
  await local.close();
  return running.routes.size + local.connectionCount();
}
`;
/** Names CONSUMER imports at runtime (not types), per entry point. */
const importedValues = (entry: string) =>
  new RegExp(`import \\{([^}]*)\\} from '${entry}'`)
    .exec(CONSUMER)?.[1]
    ?.split(',')
    .map((name) => name.trim())
    .filter((name) => name && !name.startsWith('type ')) ?? [];

const STRICTEST = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: false,
  noEmit: true,
  target: 'ES2022',
  lib: ['ES2023'],
  types: [],
};

describe('the public types, checked as a consumer does', () => {
  beforeAll(() => {
    mkdirSync(join(project, 'src'));
    writeFileSync(join(project, 'src', 'consumer.ts'), CONSUMER);
  });

  it('the consumer file uses every runtime export of wskit and wskit/local', () => {
    const exported = (entry: string) =>
      JSON.parse(
        execFileSync(
          process.execPath,
          ['--input-type=module', '-e', `console.log(JSON.stringify(Object.keys(await import('${entry}'))))`],
          { cwd: project, env, encoding: 'utf8' },
        ),
      );
    expect(importedValues('wskit').sort()).toEqual(exported('wskit').sort());
    expect(importedValues('wskit/local').sort()).toEqual(exported('wskit/local').sort());
  });

  it.each([
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }],
    ['bundler', { module: 'preserve', moduleResolution: 'bundler' }],
    ['node10 (through typesVersions)', { module: 'commonjs', moduleResolution: 'node10' }],
  ])('type-checks with %s resolution, strict, and skipLibCheck off: no errors', (_name, resolution) => {
    const config = join(project, `tsconfig.${resolution.moduleResolution}.json`);
    writeFileSync(
      config,
      JSON.stringify({ compilerOptions: { ...STRICTEST, ...resolution }, files: ['src/consumer.ts'] }),
    );
    const tsc = packagePath('node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', config], { cwd: project, encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});

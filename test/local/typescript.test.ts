/**
 * A hand-written SAM app with TypeScript handlers and no build output: `wskit local` bundles them
 * with esbuild before it starts (SAM's esbuild metadata honoured, Format: esm included), runs them,
 * and removes the bundles when it stops. A TypeScript error stops the start on one line.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { banner } from '../../generator/cli/commands/local';
import { startLocal } from '../../generator/local/start-local';
import { loadApp } from '../../generator/local/template/load-app';
import { expectOneLineError, wskit } from '../helpers/cli';
import { Client, copyApp, lambdaRoute, writeApp } from './helpers';

const APP = join(__dirname, 'fixtures', 'typescript-app');

const bundleFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('wskit-local-bundles-'));

/** The fixture app with one file replaced. */
function appWith(path: string, content: string): string {
  const dir = copyApp(APP);
  writeFileSync(join(dir, path), content);
  return dir;
}

describe('wskit local: TypeScript handlers', () => {
  it('finds the entry points: SAM esbuild metadata, else the .ts file named like the handler', () => {
    const app = loadApp(APP);
    expect(app.functions.get('HelloFunction')?.typescript).toEqual({
      entry: join(APP, 'hello', 'app.ts'),
      format: 'esm',
      external: ['@aws-sdk/*'],
    });
    expect(app.functions.get('ConnectFunction')?.typescript).toEqual({
      entry: join(APP, 'connect', 'handler.ts'),
      format: 'cjs',
      external: ['@aws-sdk/*'],
    });
    expect(banner(app, 'ws://127.0.0.1:3001/dev')).toContain(
      '  TypeScript     → ConnectFunction (connect/handler.ts), HelloFunction (hello/app.ts), bundled with esbuild',
    );
  });

  it('bundles and runs them: $connect decides, $default answers, the bundles go when it stops', async () => {
    const server = await startLocal({ appDir: APP, port: 0 });
    const bundleDir = server.app.functions.get('HelloFunction')?.codeDir as string;
    expect(bundleDir).not.toContain(APP);
    expect(existsSync(join(bundleDir, 'app.mjs'))).toBe(true);

    await expect(Client.connect(`${server.url}?refuse=1`)).rejects.toThrow(/403/);
    const client = await Client.connect(server.url);
    const reply = JSON.parse(await client.request('{"name": "Jane"}'));
    expect(reply).toEqual({ reply: 'hello Jane', loadedAt: expect.any(Number) });
    await client.close();

    await server.close();
    expect(existsSync(bundleDir)).toBe(false);
  });

  it('stops the start on a TypeScript error, naming the function and the place, and leaves nothing', async () => {
    const before = bundleFolders();
    const dir = appWith('hello/greeting.ts', 'export const greeting = (name: string) => `hello ${name`;\n');
    await expect(startLocal({ appDir: dir, port: 0 })).rejects.toThrow(
      /^function HelloFunction: bundling hello\/app\.ts failed: Unterminated string literal \(hello\/greeting\.ts:\d+:\d+\)$/,
    );
    expect(bundleFolders()).toEqual(before);
    expectOneLineError(
      wskit(['local', dir, '--port', '0']),
      2,
      /^wskit: function HelloFunction: bundling hello\/app\.ts failed: Unterminated string literal \(hello\/greeting\.ts:\d+:\d+\)$/,
    );
  });

  it("finds what a bundle left external beside its source: the app's own SDK client and External packages", async () => {
    const fn = (route: string, format: string) =>
      lambdaRoute('Api', route, `${route}Function`, {
        Type: 'AWS::Serverless::Function',
        Properties: { CodeUri: `${route}/`, Handler: 'app.handler', Runtime: 'nodejs22.x' },
        Metadata: {
          BuildMethod: 'esbuild',
          BuildProperties: { Format: format, External: ['greeter'], EntryPoints: ['app.ts'] },
        },
      });
    const handler = `import { KinesisClient } from '@aws-sdk/client-kinesis';
import { greet } from 'greeter';
export const handler = async () => ({ statusCode: 200, body: \`\${new KinesisClient().owner} / \${greet('ts')}\` });
`;
    const dir = writeApp(
      {
        Resources: {
          Api: {
            Type: 'AWS::ApiGatewayV2::Api',
            Properties: { ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.format' },
          },
          ...fn('esm', 'esm'),
          ...fn('cjs', 'cjs'),
        },
      },
      {
        'esm/app.ts': handler,
        'cjs/app.ts': handler,
        'node_modules/@aws-sdk/client-kinesis/package.json':
          '{"name": "@aws-sdk/client-kinesis", "main": "index.js"}',
        'node_modules/@aws-sdk/client-kinesis/index.js':
          "exports.KinesisClient = class { owner = 'the app own client'; };",
        'node_modules/greeter/package.json': '{"name": "greeter", "main": "index.js"}',
        'node_modules/greeter/index.js': "exports.greet = (name) => 'hello ' + name;",
      },
    );
    const server = await startLocal({ appDir: dir, port: 0 });
    const client = await Client.connect(server.url);
    try {
      for (const format of ['esm', 'cjs']) {
        expect(await client.request(JSON.stringify({ format }))).toBe('the app own client / hello ts');
      }
    } finally {
      await client.close();
      await server.close();
    }
  });
});

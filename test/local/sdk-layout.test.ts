/**
 * The AWS SDK the Lambda runtime provides, with wskit installed as a normal dependency: the packed
 * tarball (`npm pack`) unpacked as `<project>/node_modules/wskit`, and its dependencies hoisted
 * beside it in `<project>/node_modules`, as npm lays them out (hard-linked from this checkout's
 * node_modules instead of a network install). There is no `node_modules/wskit/node_modules`. The
 * app folder is outside the project, with no node_modules above it: its CommonJS and ES module
 * handlers import `@aws-sdk/*` uninstalled, as SAM apps do, and one brings its own copy, which wins.
 * A client wskit does not ship is installed into the per-user cache, here from a local registry.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { packagePath } from '../../generator/paths';
import type { Template } from '../../generator/template/types';
import { type FakeRegistry, fakeRegistry } from './fake-registry';
import { Client, lambdaRoute, writeApp } from './helpers';

const route = (key: string, fn: string, twoWay = true) =>
  lambdaRoute(
    'ChatApi',
    key,
    fn,
    {
      Type: 'AWS::Serverless::Function',
      Properties: {
        CodeUri: `${fn.toLowerCase()}/`,
        Handler: 'app.handler',
        Runtime: 'nodejs22.x',
        Environment: { Variables: { TABLE_NAME: { Ref: 'ConnectionsTable' } } },
      },
    },
    twoWay,
  );

const TEMPLATE: Template = {
  AWSTemplateFormatVersion: '2010-09-09',
  Transform: 'AWS::Serverless-2016-10-31',
  Resources: {
    ChatApi: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: {
        Name: 'chat',
        ProtocolType: 'WEBSOCKET',
        RouteSelectionExpression: '$request.body.action',
      },
    },
    ChatStage: {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: { Ref: 'ChatApi' }, StageName: 'prod' },
    },
    ConnectionsTable: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        AttributeDefinitions: [{ AttributeName: 'connectionId', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'connectionId', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      },
    },
    ...route('$connect', 'OnConnect', false),
    ...route('sendmessage', 'SendMessage', false),
    ...route('kinesis', 'Kinesis'),
    ...route('kinesiscjs', 'KinesisCjs'),
    ...route('own', 'Own'),
  },
};

const FILES: Record<string, string> = {
  // CommonJS, with the document client from lib-dynamodb.
  'onconnect/app.js': `
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, PutCommand } = require('@aws-sdk/lib-dynamodb');
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
exports.handler = async (event) => {
  await db.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: { connectionId: event.requestContext.connectionId } }));
  return { statusCode: 200 };
};`,
  // An ES module, broadcasting through @connections at the address the event names.
  'sendmessage/app.mjs': `
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  const { domainName, stage } = event.requestContext;
  const api = new ApiGatewayManagementApiClient({ endpoint: \`https://\${domainName}/\${stage}\` });
  const { Items } = await db.send(new ScanCommand({ TableName: process.env.TABLE_NAME }));
  const data = JSON.parse(event.body).data;
  await Promise.all(Items.map(({ connectionId }) => api.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }))));
  return { statusCode: 200 };
};`,
  // A client wskit does not ship, from an ES module and from CommonJS.
  'kinesis/app.mjs': `
import { KinesisClient } from '@aws-sdk/client-kinesis';
export const handler = async () => ({ statusCode: 200, body: typeof KinesisClient });`,
  'kinesiscjs/app.js': `
const { KinesisClient } = require('@aws-sdk/client-kinesis');
exports.handler = async () => ({ statusCode: 200, body: typeof KinesisClient });`,
  // The handler's own copy of a client wskit ships wins over wskit's.
  'own/app.js': `
const { whose } = require('@aws-sdk/client-sqs');
exports.handler = async () => ({ statusCode: 200, body: whose });`,
  'own/node_modules/@aws-sdk/client-sqs/package.json':
    '{"name": "@aws-sdk/client-sqs", "version": "3.0.0", "main": "index.js"}',
  'own/node_modules/@aws-sdk/client-sqs/index.js': "exports.whose = 'the handler own copy';",
};

/** `<project>/node_modules/wskit` from the packed tarball, its dependencies hoisted beside it. */
function hoistedProject(): string {
  const project = mkdtempSync(join(tmpdir(), 'wskit-hoisted-project-'));
  writeFileSync(join(project, 'package.json'), '{"name": "consumer", "private": true}');
  const packed = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--silent', '--pack-destination', project],
    {
      cwd: packagePath(),
      encoding: 'utf8',
    },
  ).trim();
  // Hard links: a copy of 15k files in a second or two, as a hoisted npm install would place them.
  execFileSync('cp', ['-al', packagePath('node_modules'), join(project, 'node_modules')]);
  const wskit = join(project, 'node_modules', 'wskit');
  mkdirSync(wskit);
  execFileSync('tar', ['-xzf', join(project, packed), '-C', wskit, '--strip-components=1']);
  return project;
}

// Started from the project, as `import { startLocal } from 'wskit/local'` in a user's script.
const SERVE = `
import { startLocal } from 'wskit/local';
const server = await startLocal({ appDir: process.argv[1], port: 0, log: (line) => console.log(line) });
console.log('URL ' + server.url);
process.stdin.on('end', () => server.close().then(() => process.exit(0))).resume();
`;

describe('wskit local: the AWS SDK handlers get, with wskit installed as a hoisted dependency', () => {
  let child: ChildProcess;
  let url: string;
  let registry: FakeRegistry;
  const logs: string[] = [];
  beforeAll(async () => {
    registry = await fakeRegistry('@aws-sdk/client-kinesis', ['3.2.0'], () => ({
      'index.js': 'exports.KinesisClient = class {};',
    }));
    const project = hoistedProject();
    const appDir = writeApp(TEMPLATE, FILES);
    expect(dirname(appDir)).not.toContain(project);
    child = spawn(process.execPath, ['--input-type=module', '-e', SERVE, appDir], {
      cwd: project,
      env: {
        ...process.env,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        WSKIT_CACHE_DIR: mkdtempSync(join(tmpdir(), 'wskit-cache-')),
        npm_config_registry: registry.url,
        npm_config_cache: mkdtempSync(join(tmpdir(), 'wskit-npm-cache-')),
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    url = await new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${logs.join('\n')}`)));
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        logs.push(line);
        if (line.startsWith('URL ')) resolve(line.slice(4));
      });
    });
  }, 60_000);
  afterAll(async () => {
    child.stdin?.end();
    await new Promise((resolve) => child.once('exit', resolve));
    await registry.close();
  });

  it('runs a chat app on lib-dynamodb and the @connections client, from CommonJS and ES modules', async () => {
    const alice = await Client.connect(url);
    const bob = await Client.connect(url);
    alice.socket.send(JSON.stringify({ action: 'sendmessage', data: 'hello from alice' }));
    expect(await bob.next()).toBe('hello from alice');
    expect(await alice.next()).toBe('hello from alice');
    await Promise.all([alice.close(), bob.close()]);
  });

  it("prefers the handler's own copy of a package over the one wskit ships", async () => {
    const client = await Client.connect(url);
    expect(await client.request('{"action": "own"}')).toBe('the handler own copy');
    await client.close();
  });

  it.each(['kinesis', 'kinesiscjs'])(
    'loads a client wskit does not ship, installed once into the cache (%s)',
    async (action) => {
      const client = await Client.connect(url);
      expect(await client.request(JSON.stringify({ action }))).toBe('function');
      await client.close();
      expect(logs.filter((line) => line.includes('installing @aws-sdk/client-kinesis'))).toHaveLength(1);
      expect(registry.downloads).toEqual(['3.2.0']);
    },
  );
});

/**
 * Lambda layers from folders of the app: a handler imports what its layers hold, as Lambda unpacks
 * them to /opt (Node.js: nodejs/node_modules and nodejs/node22/node_modules; Python: python and
 * python/lib/python3.x/site-packages; a layer built by SAM's BuildMethod: the folder's own
 * node_modules or the folder itself). A published layer (an ARN) is not available locally.
 */
import { banner } from '../../generator/cli/commands/local';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import type { Template } from '../../generator/template/types';
import { Client, writeApp } from './helpers';

const REMOTE_LAYER = 'arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:38';

const routes = ['node', 'esm', 'py'];
const fn = (runtime: string, codeUri: string, layers: string[]) => ({
  Type: 'AWS::Serverless::Function',
  Properties: {
    Runtime: runtime,
    Handler: 'index.handler',
    CodeUri: codeUri,
    Layers: layers.map((layer) => ({ Ref: layer })),
  },
});

const app: Template = {
  Transform: 'AWS::Serverless-2016-10-31',
  Globals: { Function: { Layers: [REMOTE_LAYER] } },
  Resources: {
    Api: {
      Type: 'AWS::Serverless::WebSocketApi',
      Properties: {
        RouteSelectionExpression: '$request.body.action',
        Routes: Object.fromEntries(
          routes.map((route) => [route, { FunctionArn: { 'Fn::GetAtt': [`${route}Function`, 'Arn'] } }]),
        ),
      },
    },
    ...Object.fromEntries(
      routes.map((route) => [
        `${route}Response`,
        {
          Type: 'AWS::ApiGatewayV2::RouteResponse',
          Properties: {
            ApiId: { Ref: 'Api' },
            RouteId: { Ref: `Api${route[0]?.toUpperCase()}${route.slice(1)}Route` },
            RouteResponseKey: '$default',
          },
        },
      ]),
    ),
    NodeLayer: { Type: 'AWS::Serverless::LayerVersion', Properties: { ContentUri: 'layers/node/' } },
    BuiltLayer: {
      Type: 'AWS::Lambda::LayerVersion',
      Properties: { Content: 'layers/built' },
      Metadata: { BuildMethod: 'nodejs22.x' },
    },
    PyLayer: { Type: 'AWS::Serverless::LayerVersion', Properties: { ContentUri: 'layers/py' } },
    nodeFunction: fn('nodejs22.x', 'node/', ['NodeLayer', 'BuiltLayer']),
    esmFunction: fn('nodejs22.x', 'esm/', ['NodeLayer']),
    pyFunction: fn('python3.12', 'py/', ['PyLayer']),
  },
};

const files = {
  'layers/node/nodejs/node_modules/formatting/index.js': 'exports.shout = (s) => `${s.toUpperCase()}!`;',
  'layers/node/nodejs/node_modules/formatting/package.json': '{"name":"formatting","main":"index.js"}',
  'layers/node/nodejs/node22/node_modules/versioned/index.js': 'module.exports = "node22";',
  'layers/built/package.json': '{"name":"built","dependencies":{"stamp":"1.0.0"}}',
  'layers/built/node_modules/stamp/index.js': 'module.exports = (s) => `[${s}]`;',
  'node/index.js': [
    "const { shout } = require('formatting');",
    "const version = require('versioned');",
    "const stamp = require('stamp');",
    'exports.handler = async (event) => ({ statusCode: 200, body: stamp(`${shout(event.body)} ${version}`) });',
  ].join('\n'),
  'esm/index.mjs': [
    "import { shout } from 'formatting';",
    'export const handler = async (event) => ({ statusCode: 200, body: `esm ${shout(event.body)}` });',
  ].join('\n'),
  'layers/py/python/textkit/__init__.py': 'def title(s):\n    return s.title()\n',
  'layers/py/python/lib/python3.12/site-packages/sitepkg.py': 'MARK = "site-packages"\n',
  'py/index.py': [
    'import textkit',
    'import sitepkg',
    'def handler(event, context):',
    '    return {"statusCode": 200, "body": textkit.title(event["body"]) + " " + sitepkg.MARK}',
  ].join('\n'),
};

describe('wskit local: Lambda layers', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocal({ appDir: writeApp(app, files), port: 0 });
  });
  afterAll(() => server.close());

  it('lets a CommonJS handler require from its layers', async () => {
    const client = await Client.connect(server.url);
    expect(await client.request(JSON.stringify({ action: 'node' }))).toBe('[{"ACTION":"NODE"}! node22]');
    await client.close();
  });

  it('lets an ES module handler import from its layers', async () => {
    const client = await Client.connect(server.url);
    expect(await client.request(JSON.stringify({ action: 'esm' }))).toBe('esm {"ACTION":"ESM"}!');
    await client.close();
  });

  it('puts python and its site-packages on the Python path', async () => {
    const client = await Client.connect(server.url);
    expect(await client.request('{"action": "py"}')).toBe('{"Action": "Py"} site-packages');
    await client.close();
  });

  it('names a published layer once in the banner as not available locally', () => {
    const lines = banner(server.app, server.url).filter((line) => line.includes(REMOTE_LAYER));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('not available locally');
  });
});

/**
 * `ApiKeyRequired` routes with the API's ApiKeySelectionExpression, end to end with real ws
 * clients: the key comes from the `x-api-key` header (the default) or from the `usageIdentifierKey`
 * the `$connect` authorizer returns. No key, or a key that is not one of the template's
 * `AWS::ApiGateway::ApiKey` values, is refused with 403 before `$connect`'s function runs; on a
 * message route, with the Forbidden frame.
 */
import { checkApiKey } from '../../generator/local/server/api-key';
import type { LocalServer } from '../../generator/local/start-local';
import { startLocal } from '../../generator/local/start-local';
import type { Template } from '../../generator/template/types';
import { Client, lambdaRoute, nodeFunction, websocketApi, writeSamApp } from './helpers';

const KEY = 'wskit-test-key-0123456789';

const connect = `exports.handler = async () => { console.log('connect ran'); return { statusCode: 200 }; };
`;
const echo = `exports.handler = async (event) => ({ statusCode: 200, body: 'ok:' + event.requestContext.routeKey });
`;
// Names the key the client gives in ?key=..., as an authorizer that looks a customer up would.
const authorizer = `exports.handler = async (event) => ({
  principalId: 'customer',
  usageIdentifierKey: event.queryStringParameters?.key,
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }] },
});
`;
const apiKey = (value?: string) => ({
  Type: 'AWS::ApiGateway::ApiKey',
  Properties: { Enabled: true, ...(value ? { Value: value } : {}) },
});

/** Makes the route `key` of a template require an API key. */
function requireKey(resources: Template['Resources'], routeId: string): Template['Resources'] {
  const route = resources[routeId] as { Properties: Record<string, unknown> };
  route.Properties.ApiKeyRequired = true;
  return resources;
}

async function start(resources: Template['Resources'], files: Record<string, string>, logged: string[]) {
  const dir = writeSamApp(resources, files);
  return startLocal({ appDir: dir, port: 0, log: (line) => logged.push(line) });
}

describe('wskit local: ApiKeyRequired on $connect, key in the x-api-key header', () => {
  let server: LocalServer;
  const logged: string[] = [];
  beforeAll(async () => {
    const resources = {
      ...websocketApi('keys', 'dev'),
      Key: apiKey(KEY),
      ...lambdaRoute('Api', '$connect', 'ConnectFunction', nodeFunction('connect.handler'), false),
      ...lambdaRoute('Api', 'echo', 'EchoFunction', nodeFunction('echo.handler')),
    };
    server = await start(
      requireKey(resources, 'ConnectRoute'),
      { 'src/connect.js': connect, 'src/echo.js': echo },
      logged,
    );
  });
  afterAll(() => server?.close());
  const ranConnect = () => logged.filter((line) => line.includes('connect ran')).length;

  it('refuses a handshake without a key with 403, before the function runs', async () => {
    await expect(Client.connect(server.url)).rejects.toMatchObject({ status: 403 });
    expect(ranConnect()).toBe(0);
    expect(logged.join('\n')).toContain('$connect API key 403: no API key ($request.header.x-api-key)');
  });

  it('refuses a key that is not the template’s', async () => {
    await expect(
      Client.connect(server.url, { headers: { 'x-api-key': 'wrong-key-0123456789' } }),
    ).rejects.toMatchObject({
      status: 403,
    });
    expect(ranConnect()).toBe(0);
  });

  it('connects with the template’s key', async () => {
    const client = await Client.connect(server.url, { headers: { 'X-API-Key': KEY } });
    expect(await client.request(JSON.stringify({ action: 'echo' }))).toBe('ok:echo');
    expect(ranConnect()).toBe(1);
    await client.close();
  });
});

describe('wskit local: ApiKeySelectionExpression $context.authorizer.usageIdentifierKey', () => {
  let server: LocalServer;
  beforeAll(async () => {
    const base = websocketApi('keys', 'dev');
    (base.Api as { Properties: Record<string, unknown> }).Properties.ApiKeySelectionExpression =
      '$context.authorizer.usageIdentifierKey';
    const resources: Template['Resources'] = {
      ...base,
      Key: apiKey(KEY),
      CustomerAuthorizer: {
        Type: 'AWS::ApiGatewayV2::Authorizer',
        Properties: {
          ApiId: { Ref: 'Api' },
          Name: 'customer',
          AuthorizerType: 'REQUEST',
          AuthorizerUri: {
            'Fn::Sub':
              'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthorizerFunction.Arn}/invocations',
          },
          IdentitySource: ['route.request.querystring.key'],
        },
      },
      AuthorizerFunction: nodeFunction('authorizer.handler'),
      ...lambdaRoute('Api', '$connect', 'ConnectFunction', nodeFunction('connect.handler'), false),
    };
    const route = resources.ConnectRoute as { Properties: Record<string, unknown> };
    Object.assign(route.Properties, {
      AuthorizationType: 'CUSTOM',
      AuthorizerId: { Ref: 'CustomerAuthorizer' },
    });
    server = await start(
      requireKey(resources, 'ConnectRoute'),
      { 'src/connect.js': connect, 'src/authorizer.js': authorizer },
      [],
    );
  });
  afterAll(() => server?.close());

  it('takes the key the authorizer names: the template’s connects, another is refused with 403', async () => {
    const client = await Client.connect(`${server.url}?key=${KEY}`);
    await client.close();
    await expect(Client.connect(`${server.url}?key=someone-elses-key-0000`)).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe('wskit local: ApiKeyRequired on a message route', () => {
  let server: LocalServer;
  const logged: string[] = [];
  beforeAll(async () => {
    const resources = {
      ...websocketApi('keys', 'dev'),
      Key: apiKey(KEY),
      ...lambdaRoute('Api', 'echo', 'EchoFunction', nodeFunction('echo.handler')),
    };
    server = await start(requireKey(resources, 'EchoRoute'), { 'src/echo.js': echo }, logged);
  });
  afterAll(() => server?.close());

  it('answers Forbidden to a connection whose handshake had no valid key, and runs for one that had', async () => {
    const attempts: Record<string, string>[] = [{}, { 'x-api-key': 'wrong-key-0123456789' }];
    for (const headers of attempts) {
      const client = await Client.connect(server.url, { headers });
      const reply = JSON.parse(await client.request(JSON.stringify({ action: 'echo' })));
      expect(reply).toEqual({
        message: 'Forbidden',
        connectionId: expect.any(String),
        requestId: expect.any(String),
      });
      await client.close();
    }
    expect(
      logged.filter((line) => line.includes('echo: the connection presented no valid API key → Forbidden')),
    ).toHaveLength(2);
    const keyed = await Client.connect(server.url, { headers: { 'x-api-key': KEY } });
    expect(await keyed.request(JSON.stringify({ action: 'echo' }))).toBe('ok:echo');
    await keyed.close();
  });
});

describe('API keys whose values the template does not give', () => {
  it('accepts any key, with a note, when API Gateway generates a key’s value', () => {
    const keys = { selectionExpression: '$request.header.x-api-key', values: [KEY], generated: 1 };
    expect(checkApiKey(keys, 'generated-elsewhere-000')).toEqual({
      allowed: true,
      key: 'generated-elsewhere-000',
      note: 'API key not checked: the template has keys whose values API Gateway generates',
    });
    expect(checkApiKey(keys, undefined)).toMatchObject({ allowed: false });
  });
});

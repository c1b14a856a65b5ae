/**
 * AWS_PROXY integrations whose IntegrationUri is the function's own ARN, as API Gateway v2 accepts
 * and the developer guide's WebSocket templates write it: `!GetAtt Fn.Arn`, an alias or version ARN,
 * and a `!Sub` that spells the ARN out. Each route runs its function; a bare ARN of a function the
 * template lacks stays unavailable with the reason.
 */
import type { LocalServer } from '../../generator/local/start-local';
import { startLocal } from '../../generator/local/start-local';
import type { Json } from '../../generator/template/types';
import { Client, twoWayRoute, websocketApi, writeSamApp } from './helpers';

const echo = `exports.handler = async (event) => ({ statusCode: 200, body: 'echo:' + event.requestContext.routeKey });
`;

/** A two-way route whose AWS_PROXY integration has `uri` as its IntegrationUri. */
const route = (key: string, uri: Json) =>
  twoWayRoute(key, key, { IntegrationType: 'AWS_PROXY', IntegrationUri: uri });

describe('wskit local: a bare Lambda ARN as an AWS_PROXY IntegrationUri', () => {
  let server: LocalServer;
  let client: Client;
  beforeAll(async () => {
    const dir = writeSamApp(
      {
        ...websocketApi('bare-arn', 'dev'),
        EchoFunction: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            CodeUri: 'src/',
            Handler: 'echo.handler',
            Runtime: 'nodejs22.x',
            AutoPublishAlias: 'live',
          },
        },
        ...route('getatt', { 'Fn::GetAtt': ['EchoFunction', 'Arn'] }),
        ...route('alias', { Ref: 'EchoFunction.Alias' }),
        ...route('version', { Ref: 'EchoFunction.Version' }),
        ...route('spelled', {
          'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${EchoFunction}',
        }),
        ...route('elsewhere', 'arn:aws:lambda:us-east-1:210987654321:function:someone-else'),
      },
      { 'src/echo.js': echo },
    );
    server = await startLocal({ appDir: dir, port: 0, log: () => {} });
    client = await Client.connect(server.url);
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it.each(['getatt', 'alias', 'version', 'spelled'])('runs the function of the %s route', async (key) => {
    expect(await client.request(JSON.stringify({ action: key }))).toBe(`echo:${key}`);
  });

  it('leaves a bare ARN of a function the template lacks unavailable, with the reason', async () => {
    const integration = server.app.routes.get('elsewhere')?.integration;
    expect(integration).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringContaining('function arn:aws:lambda:us-east-1:210987654321:function:someone-else'),
    });
    const reply = JSON.parse(await client.request(JSON.stringify({ action: 'elsewhere' })));
    expect(reply.message).toBe('Internal server error');
  });
});

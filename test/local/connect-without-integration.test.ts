/**
 * A `$connect` route with a REQUEST authorizer and no Target: on API Gateway its integration is
 * optional, so the connection is made once the authorizer allows it, and the authorizer's context
 * reaches the connection's later events. A denied handshake is still refused.
 */
import type { LocalServer } from '../../generator/local/start-local';
import { startLocal } from '../../generator/local/start-local';
import { Client, lambdaRoute, websocketApi, writeApp } from './helpers';

const pass = `exports.handler = async (event) => {
  const pass = event.queryStringParameters?.pass ?? '';
  return {
    principalId: 'visitor',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: pass === 'open' ? 'Allow' : 'Deny', Resource: event.methodArn }],
    },
    context: { pass },
  };
};
`;

const whoami = `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.authorizer) });
`;

const node = (handler: string) => ({
  Type: 'AWS::Serverless::Function',
  Properties: { CodeUri: 'src/', Handler: handler, Runtime: 'nodejs22.x' },
});

describe('wskit local: $connect with an authorizer and no integration', () => {
  let server: LocalServer;
  beforeAll(async () => {
    const dir = writeApp(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Transform: 'AWS::Serverless-2016-10-31',
        Resources: {
          ...websocketApi('gate', 'dev'),
          PassAuthorizer: {
            Type: 'AWS::ApiGatewayV2::Authorizer',
            Properties: {
              ApiId: { Ref: 'Api' },
              Name: 'pass',
              AuthorizerType: 'REQUEST',
              AuthorizerUri: {
                'Fn::Sub':
                  'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${PassFunction.Arn}/invocations',
              },
              IdentitySource: ['route.request.querystring.pass'],
            },
          },
          ConnectRoute: {
            Type: 'AWS::ApiGatewayV2::Route',
            Properties: {
              ApiId: { Ref: 'Api' },
              RouteKey: '$connect',
              AuthorizationType: 'CUSTOM',
              AuthorizerId: { Ref: 'PassAuthorizer' },
            },
          },
          PassFunction: node('pass.handler'),
          ...lambdaRoute('Api', 'whoami', 'WhoamiFunction', node('whoami.handler')),
        },
      },
      { 'src/pass.js': pass, 'src/whoami.js': whoami },
    );
    server = await startLocal({ appDir: dir, port: 0, log: () => {} });
  });
  afterAll(() => server.close());

  it('connects once the authorizer allows, and later events carry its context', async () => {
    const client = await Client.connect(`${server.url}?pass=open`);
    const context = JSON.parse(await client.request(JSON.stringify({ action: 'whoami' })));
    expect(context).toMatchObject({ principalId: 'visitor', pass: 'open' });
    await client.close();
  });

  it('refuses the handshake the authorizer denies, or that lacks its identity source', async () => {
    await expect(Client.connect(`${server.url}?pass=shut`)).rejects.toMatchObject({ status: 403 });
    await expect(Client.connect(server.url)).rejects.toMatchObject({ status: 401 });
  });
});

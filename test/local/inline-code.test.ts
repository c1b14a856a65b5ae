/** InlineCode runs from a file named like the handler's module, in the runtime's language. */
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import type { Template } from '../../generator/template/types';
import { Client, writeApp } from './helpers';

const app: Template = {
  Transform: 'AWS::Serverless-2016-10-31',
  Resources: {
    Api: {
      Type: 'AWS::Serverless::WebSocketApi',
      Properties: {
        RouteSelectionExpression: '$request.body.action',
        Routes: {
          $default: { FunctionArn: { 'Fn::GetAtt': ['PyEcho', 'Arn'] } },
          node: { FunctionArn: { 'Fn::GetAtt': ['NodeEcho', 'Arn'] } },
        },
      },
    },
    DefaultResponse: {
      Type: 'AWS::ApiGatewayV2::RouteResponse',
      Properties: {
        ApiId: { Ref: 'Api' },
        RouteId: { Ref: 'ApiDefaultRoute' },
        RouteResponseKey: '$default',
      },
    },
    NodeResponse: {
      Type: 'AWS::ApiGatewayV2::RouteResponse',
      Properties: { ApiId: { Ref: 'Api' }, RouteId: { Ref: 'ApiNodeRoute' }, RouteResponseKey: '$default' },
    },
    PyEcho: {
      Type: 'AWS::Serverless::Function',
      Properties: {
        Runtime: 'python3.12',
        Handler: 'index.handler',
        InlineCode:
          'def handler(event, context):\n    return {"statusCode": 200, "body": "py: " + event["body"]}\n',
      },
    },
    NodeEcho: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: 'arn:aws:iam::123456789012:role/echo',
        Code: { ZipFile: 'exports.handler = async (e) => ({ statusCode: 200, body: `node: ${e.body}` });' },
      },
    },
  },
};

describe('wskit local: InlineCode and Code.ZipFile', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocal({ appDir: writeApp(app), port: 0 });
  });
  afterAll(() => server.close());

  it('runs Python InlineCode and a Node.js ZipFile', async () => {
    const client = await Client.connect(server.url);
    expect(await client.request('hi')).toBe('py: hi');
    expect(await client.request('{"action":"node"}')).toBe('node: {"action":"node"}');
    await client.close();
  });
});

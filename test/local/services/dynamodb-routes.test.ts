/**
 * The classic no-Lambda pattern: `$connect` stores the connection with DynamoDB PutItem and
 * `$disconnect` deletes it, straight from API Gateway AWS integrations; a route to a table the
 * template does not have answers DynamoDB's own error; a route to a service wskit local does not
 * run answers 500 while the others run.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { type LocalServer, startLocal } from '../../../generator/local/start-local';
import type { Template } from '../../../generator/template/types';
import { Client, eventually, localDynamoDb, writeApp } from '../helpers';

const dynamoIntegration = (action: string, template: Json) => ({
  Type: 'AWS::ApiGatewayV2::Integration',
  Properties: {
    ApiId: { Ref: 'ChatApi' },
    IntegrationType: 'AWS',
    IntegrationMethod: 'POST',
    IntegrationUri: { 'Fn::Sub': `arn:aws:apigateway:\${AWS::Region}:dynamodb:action/${action}` },
    CredentialsArn: { 'Fn::GetAtt': ['ApiRole', 'Arn'] },
    TemplateSelectionExpression: '\\$default',
    RequestTemplates: { $default: template },
  },
});
type Json = import('../../../generator/template/types').Json;

const route = (key: string, integration: string) => ({
  Type: 'AWS::ApiGatewayV2::Route',
  Properties: {
    ApiId: { Ref: 'ChatApi' },
    RouteKey: key,
    Target: { 'Fn::Sub': `integrations/\${${integration}}` },
  },
});

const template: Template = {
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    ConnectionsTable: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'connectionId', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'connectionId', KeyType: 'HASH' }],
      },
    },
    ApiRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
    ChatApi: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: {
        Name: 'chat',
        ProtocolType: 'WEBSOCKET',
        RouteSelectionExpression: '$request.body.action',
      },
    },
    ConnectRoute: route('$connect', 'ConnectIntegration'),
    ConnectIntegration: dynamoIntegration('PutItem', {
      'Fn::Sub':
        '{"TableName": "${ConnectionsTable}", "Item": {"connectionId": {"S": "$context.connectionId"}, "connectedAt": {"N": "$context.connectedAt"}}}',
    }),
    DisconnectRoute: route('$disconnect', 'DisconnectIntegration'),
    DisconnectIntegration: dynamoIntegration('DeleteItem', {
      'Fn::Sub':
        '{"TableName": "${ConnectionsTable}", "Key": {"connectionId": {"S": "$context.connectionId"}}}',
    }),
    CountRoute: route('count', 'CountIntegration'),
    CountIntegration: dynamoIntegration('Scan', {
      'Fn::Sub': '{"TableName": "${ConnectionsTable}", "Select": "COUNT"}',
    }),
    CountIntegrationResponse: {
      Type: 'AWS::ApiGatewayV2::IntegrationResponse',
      Properties: {
        ApiId: { Ref: 'ChatApi' },
        IntegrationId: { Ref: 'CountIntegration' },
        IntegrationResponseKey: '$default',
        TemplateSelectionExpression: '\\$default',
        ResponseTemplates: { $default: '{"connections": $input.path(\'$.Count\')}' },
      },
    },
    CountRouteResponse: {
      Type: 'AWS::ApiGatewayV2::RouteResponse',
      Properties: { ApiId: { Ref: 'ChatApi' }, RouteId: { Ref: 'CountRoute' }, RouteResponseKey: '$default' },
    },
    MissingRoute: route('missing', 'MissingIntegration'),
    MissingIntegration: dynamoIntegration(
      'PutItem',
      '{"TableName": "NoSuchTable", "Item": {"id": {"S": "x"}}}',
    ),
    MissingIntegrationResponse: {
      Type: 'AWS::ApiGatewayV2::IntegrationResponse',
      Properties: {
        ApiId: { Ref: 'ChatApi' },
        IntegrationId: { Ref: 'MissingIntegration' },
        IntegrationResponseKey: '$default',
      },
    },
    MissingRouteResponse: {
      Type: 'AWS::ApiGatewayV2::RouteResponse',
      Properties: {
        ApiId: { Ref: 'ChatApi' },
        RouteId: { Ref: 'MissingRoute' },
        RouteResponseKey: '$default',
      },
    },
    StreamRoute: route('stream', 'StreamIntegration'),
    StreamIntegration: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: { Ref: 'ChatApi' },
        IntegrationType: 'AWS',
        IntegrationMethod: 'POST',
        IntegrationUri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:kinesis:action/PutRecord' },
      },
    },
    Stage: {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: { Ref: 'ChatApi' }, StageName: 'prod', AutoDeploy: true },
    },
  },
};

describe('wskit local: routes straight to DynamoDB', () => {
  let server: LocalServer;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startLocal({ appDir: writeApp(template), port: 0, log: (line) => logs.push(line) });
  });
  afterAll(() => server.close());

  const connections = async () => {
    const client = localDynamoDb(server);
    const { Items } = await client.send(
      new ScanCommand({ TableName: `${server.app.stackName}-ConnectionsTable` }),
    );
    client.destroy();
    return (Items ?? []).map((item) => item.connectionId?.S);
  };

  it('stores the connection on $connect with PutItem and deletes it on $disconnect with DeleteItem', async () => {
    const client = await Client.connect(server.url);
    const stored = await connections();
    expect(stored).toHaveLength(1);
    expect(JSON.parse(await client.request('{"action": "count"}'))).toEqual({ connections: 1 });
    await client.close();
    expect(await eventually(async () => (await connections()).length === 0)).toBe(true);
  });

  it("answers a table the template does not have with DynamoDB's ResourceNotFoundException", async () => {
    const client = await Client.connect(server.url);
    expect(JSON.parse(await client.request('{"action": "missing"}'))).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: 'Requested resource not found',
    });
    await client.close();
  });

  it('reports a route to a service it does not run at start, answers it with 500, and runs the others', async () => {
    expect(logs.join('\n')).toMatch(
      /route stream answers 500: kinesis:PutRecord: no local service runs this action/,
    );
    const client = await Client.connect(server.url);
    expect(JSON.parse(await client.request('{"action": "stream"}'))).toMatchObject({
      message: 'Internal server error',
    });
    // Another test's $disconnect may still be running: the count is any number, but it is answered.
    expect(JSON.parse(await client.request('{"action": "count"}'))).toEqual({
      connections: expect.any(Number),
    });
    await client.close();
  });
});

/** AWS::Serverless::WebSocketApi → the raw resources the SAM transform makes, with its logical ids. */
import { TemplateError } from '../../generator/template/errors';
import { applyGlobals } from '../../generator/template/sam-globals';
import { expandWebSocketApis } from '../../generator/template/sam-websocket';
import type { Json, Template } from '../../generator/template/types';

const fn = (id: string): Json => ({ 'Fn::GetAtt': [id, 'Arn'] });

const samApp = (properties: Record<string, Json>, extra: Partial<Template> = {}): Template => ({
  Transform: 'AWS::Serverless-2016-10-31',
  ...extra,
  Resources: {
    Api: {
      Type: 'AWS::Serverless::WebSocketApi',
      Condition: 'Enabled',
      Properties: { RouteSelectionExpression: '$request.body.action', ...properties },
    },
    Fn: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler' } },
  },
});

const typesOf = (template: Template) =>
  Object.fromEntries(Object.entries(template.Resources).map(([id, r]) => [id, r.Type]));

describe('expandWebSocketApis', () => {
  it('makes the Api, a Route/Integration/Permission per route and a DefaultStage', () => {
    const out = expandWebSocketApis(
      samApp({ Routes: { $connect: { FunctionArn: fn('Fn') }, sendMessage: { FunctionArn: fn('Fn') } } }),
    );
    expect(typesOf(out)).toEqual({
      Api: 'AWS::ApiGatewayV2::Api',
      ApiConnectRoute: 'AWS::ApiGatewayV2::Route',
      ApiConnectIntegration: 'AWS::ApiGatewayV2::Integration',
      ApiConnectPermission: 'AWS::Lambda::Permission',
      ApiSendmessageRoute: 'AWS::ApiGatewayV2::Route',
      ApiSendmessageIntegration: 'AWS::ApiGatewayV2::Integration',
      ApiSendmessagePermission: 'AWS::Lambda::Permission',
      ApiDefaultStage: 'AWS::ApiGatewayV2::Stage',
      Fn: 'AWS::Serverless::Function',
    });
    expect(out.Resources.Api?.Properties).toEqual({
      Name: 'Api',
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.action',
      Tags: { 'websocketapi:createdBy': 'SAM' },
    });
    expect(out.Resources.ApiSendmessageRoute?.Properties).toEqual({
      ApiId: { Ref: 'Api' },
      RouteKey: 'sendMessage',
      Target: { 'Fn::Join': ['/', ['integrations', { Ref: 'ApiSendmessageIntegration' }]] },
    });
    expect(out.Resources.ApiConnectIntegration?.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: {
        'Fn::Sub': [
          'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FunctionArn}/invocations',
          { FunctionArn: fn('Fn') },
        ],
      },
    });
    expect(out.Resources.ApiConnectPermission?.Properties?.SourceArn).toEqual({
      'Fn::Sub':
        'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api.ApiId}/default/$connect',
    });
    expect(out.Resources.ApiDefaultStage).toEqual({
      Type: 'AWS::ApiGatewayV2::Stage',
      Condition: 'Enabled',
      Properties: {
        ApiId: { Ref: 'Api' },
        StageName: 'default',
        Tags: { 'websocketapi:createdBy': 'SAM' },
        AutoDeploy: true,
      },
    });
  });

  it('names the Stage after a literal StageName, scopes permissions with an intrinsic one', () => {
    const literal = expandWebSocketApis(
      samApp({ StageName: 'prod', Routes: { $default: { FunctionArn: 'x' } } }),
    );
    expect(literal.Resources.ApiprodStage?.Properties?.StageName).toBe('prod');
    const param = expandWebSocketApis(
      samApp({ StageName: { Ref: 'Stage' }, Routes: { $default: { FunctionArn: 'x' } } }),
    );
    expect(param.Resources.ApiStage?.Properties?.StageName).toEqual({ Ref: 'Stage' });
    expect(param.Resources.ApiDefaultPermission?.Properties?.SourceArn).toEqual({
      'Fn::Sub': [
        'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api.ApiId}/${__StageName__}/$default',
        { __StageName__: { Ref: 'Stage' } },
      ],
    });
  });

  it('with Auth CUSTOM, authorizes $connect with a REQUEST authorizer and its permission', () => {
    const out = expandWebSocketApis(
      samApp({
        Auth: { AuthType: 'CUSTOM', AuthArn: fn('Auth'), IdentitySource: ['route.request.header.Auth'] },
        Routes: { $connect: { FunctionArn: fn('Fn') }, $default: { FunctionArn: fn('Fn') } },
      }),
    );
    expect(out.Resources.ApiConnectRoute?.Properties).toMatchObject({
      AuthorizationType: 'CUSTOM',
      AuthorizerId: { Ref: 'ApiConnectAuthorizer' },
    });
    expect(out.Resources.ApiDefaultRoute?.Properties?.AuthorizationType).toBeUndefined();
    expect(out.Resources.ApiConnectAuthorizer?.Properties).toMatchObject({
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.header.Auth'],
      Name: 'ApiConnectAuthorizer',
    });
    expect(out.Resources.ApiAuthorizerPermission?.Properties).toMatchObject({
      FunctionName: fn('Auth'),
      SourceArn: {
        'Fn::Sub': [
          'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*',
          { __ApiId__: { Ref: 'Api' } },
        ],
      },
    });
    const withRole = expandWebSocketApis(
      samApp({
        Auth: { AuthType: 'CUSTOM', AuthArn: fn('Auth'), InvokeRole: 'arn:role' },
        Routes: { $connect: { FunctionArn: fn('Fn') } },
      }),
    );
    expect(withRole.Resources.ApiAuthorizerPermission).toBeUndefined();
    expect(withRole.Resources.ApiConnectAuthorizer?.Properties?.AuthorizerCredentialsArn).toBe('arn:role');
  });

  it('applies Globals.WebSocketApi, passes route settings through and points Api.Stage at the Stage', () => {
    const out = expandWebSocketApis(
      samApp(
        {
          RouteSelectionExpression: '$request.body.type',
          StageName: 'live',
          RouteSettings: { go: { ThrottlingRateLimit: 5 } },
          Routes: {
            go: { FunctionArn: 'x', RequestModels: { $default: 'M' }, ModelSelectionExpression: '$default' },
          },
        },
        {
          Globals: { WebSocketApi: { Tags: { team: 'a' } }, Function: { Timeout: 3 } },
          Outputs: { Url: { Value: { 'Fn::Sub': 'wss://${Api}/${Api.Stage}/${!Api.Stage}' } } },
        },
      ),
    );
    expect(out.Globals).toEqual({ Function: { Timeout: 3 } });
    expect(out.Resources.Api?.Properties?.Tags).toEqual({ team: 'a', 'websocketapi:createdBy': 'SAM' });
    expect(out.Resources.Api?.Properties?.RouteSelectionExpression).toBe('$request.body.type');
    expect(out.Resources.ApiliveStage?.DependsOn).toEqual(['ApiGoRoute']);
    expect(out.Resources.ApiGoRoute?.Properties).toMatchObject({
      RequestModels: { $default: 'M' },
      ModelSelectionExpression: '$default',
    });
    expect(out.Outputs?.Url?.Value).toEqual({ 'Fn::Sub': 'wss://${Api}/${ApiliveStage}/${!Api.Stage}' });
  });

  it('leaves a template without WebSocketApi as it is', () => {
    const template: Template = { Resources: { Fn: { Type: 'AWS::Serverless::Function' } } };
    expect(expandWebSocketApis(template)).toBe(template);
  });

  it.each<[string, Record<string, Json>, string]>([
    ['a route key SAM refuses', { Routes: { 'send-message': { FunctionArn: 'x' } } }, 'Routes.send-message'],
    ['no routes', { Routes: {} }, 'Routes'],
    ['a route without FunctionArn', { Routes: { $default: {} } }, 'Routes.$default'],
    [
      'the stage $default',
      { StageName: '$default', Routes: { $default: { FunctionArn: 'x' } } },
      'StageName',
    ],
    [
      'Auth without $connect',
      { Auth: { AuthType: 'NONE' }, Routes: { $default: { FunctionArn: 'x' } } },
      'Auth',
    ],
    [
      'CUSTOM Auth without AuthArn',
      { Auth: { AuthType: 'CUSTOM' }, Routes: { $connect: { FunctionArn: 'x' } } },
      'Auth.AuthArn',
    ],
    [
      'RequestParameters off $connect',
      { Routes: { $default: { FunctionArn: 'x', RequestParameters: { a: 1 } } } },
      'Routes.$default.RequestParameters',
    ],
  ])('fails on %s, naming the property', (_name, properties, path) => {
    const expand = () => expandWebSocketApis(samApp(properties));
    expect(expand).toThrow(TemplateError);
    expect(expand).toThrow(expect.objectContaining({ path: `Resources.Api.Properties.${path}` }));
  });
});

describe('applyGlobals', () => {
  it('merges maps, appends lists, lets the resource win and honours IgnoreGlobals', () => {
    const out = applyGlobals({
      Globals: {
        Function: { Timeout: 10, Environment: { Variables: { A: '1', B: '1' } }, Layers: ['g'] },
        SimpleTable: { SSESpecification: { SSEEnabled: true } },
      },
      Resources: {
        Fn: {
          Type: 'AWS::Serverless::Function',
          Properties: { Timeout: 3, Environment: { Variables: { B: '2' } }, Layers: ['own'] },
        },
        Quiet: { Type: 'AWS::Serverless::Function', IgnoreGlobals: ['Timeout'], Properties: {} } as never,
        Table: { Type: 'AWS::Serverless::SimpleTable' },
        Raw: { Type: 'AWS::Lambda::Function', Properties: {} },
      },
    });
    expect(out.Globals).toBeUndefined();
    expect(out.Resources.Fn?.Properties).toEqual({
      Timeout: 3,
      Environment: { Variables: { A: '1', B: '2' } },
      Layers: ['g', 'own'],
    });
    expect(out.Resources.Quiet?.Properties).toEqual({
      Environment: { Variables: { A: '1', B: '1' } },
      Layers: ['g'],
    });
    expect(out.Resources.Table?.Properties).toEqual({ SSESpecification: { SSEEnabled: true } });
    expect(out.Resources.Raw?.Properties).toEqual({});
  });
});

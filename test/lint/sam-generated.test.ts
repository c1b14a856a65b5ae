/** The catalogue of what the SAM transform generates: ids, types, referenceable properties, moved references. */
import { type Generated, samTransform } from '../../generator/lint/sam/generated';

const byId = (list: readonly Generated[]) => Object.fromEntries(list.map((g) => [g.id, g]));

describe('samTransform', () => {
  it('names what a function with an alias, a URL and an Api event makes', () => {
    const { generated, edges } = samTransform([
      {
        id: 'Orders',
        type: 'AWS::Serverless::Function',
        properties: {
          AutoPublishAlias: 'live',
          FunctionUrlConfig: { AuthType: 'NONE' },
          Events: {
            Post: { Type: 'Api', Properties: { RestApiId: { Ref: 'Api' }, Path: '/', Method: 'post' } },
          },
        },
      },
      { id: 'Api', type: 'AWS::Serverless::Api', properties: { StageName: 'v1' } },
    ]);
    const g = byId(generated);
    expect(g.OrdersRole.type).toBe('AWS::IAM::Role');
    expect(g.OrdersAliaslive).toMatchObject({ type: 'AWS::Lambda::Alias', alias: 'Orders.Alias' });
    expect(g.OrdersUrl.type).toBe('AWS::Lambda::Url');
    expect(g.OrdersUrlPublicPermissions.type).toBe('AWS::Lambda::Permission');
    expect(g.OrdersPostPermissionv1).toMatchObject({ from: [['Events', 'Post']] });
    expect(g.Apiv1Stage).toMatchObject({ type: 'AWS::ApiGateway::Stage', alias: 'Api.Stage' });
    // A hashed id: any `ApiDeployment<10 hex>` names it.
    expect(g['Api.Deployment'].pattern?.test('ApiDeployment0a1b2c3d4e')).toBe(true);
    expect(g['Api.Deployment'].pattern?.test('ApiDeploymentProd')).toBe(false);
    // The API's OpenAPI body calls the alias, not the other way round.
    expect(edges).toContainEqual(['Api', 'Orders.Alias']);
    expect(g.ServerlessRestApi).toBeUndefined();
  });

  it('makes the implicit APIs only for events that name none', () => {
    const { generated } = samTransform([
      {
        id: 'Fn',
        type: 'AWS::Serverless::Function',
        properties: { Role: 'arn', Events: { A: { Type: 'Api', Properties: {} }, H: { Type: 'HttpApi' } } },
      },
    ]);
    const g = byId(generated);
    expect(Object.keys(g)).toEqual(
      expect.arrayContaining(['ServerlessRestApi', 'ServerlessRestApiProdStage', 'ServerlessHttpApi']),
    );
    expect(g.ServerlessHttpApiApiGatewayDefaultStage.type).toBe('AWS::ApiGatewayV2::Stage');
    expect(g.FnRole).toBeUndefined();
  });

  it('names WebSocketApi resources as the translator does', () => {
    const { generated } = samTransform([
      {
        id: 'Chat',
        type: 'AWS::Serverless::WebSocketApi',
        properties: {
          Routes: { $connect: {}, sendMessage: {}, 'bad-key': {} },
          Auth: { AuthType: 'CUSTOM' },
        },
      },
    ]);
    expect(generated.map((g) => g.id).sort()).toEqual([
      'ChatAuthorizerPermission',
      'ChatConnectAuthorizer',
      'ChatConnectIntegration',
      'ChatConnectPermission',
      'ChatConnectRoute',
      'ChatDefaultStage',
      'ChatSendmessageIntegration',
      'ChatSendmessagePermission',
      'ChatSendmessageRoute',
    ]);
  });
});

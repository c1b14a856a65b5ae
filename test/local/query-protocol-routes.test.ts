/**
 * Two-way routes straight to SNS Publish and SQS SendMessage in the query protocol (a form body,
 * `Content-Type: application/x-www-form-urlencoded`), end to end with a real ws client: their
 * response templates read what the query API answers, `PublishResponse.PublishResult.MessageId`,
 * `SendMessageResponse.SendMessageResult.MessageId`, and `Error.Code` for a missing queue.
 */

import { type LocalServer, startLocal } from '../../generator/local/start-local';
import type { Json, Template } from '../../generator/template/types';
import { Client, websocketApi, writeApp } from './helpers';

/** A two-way route to `uri` whose request template is `request` and response template `response`. */
function queryRoute(name: string, uri: Json, request: Json, response: string): Template['Resources'] {
  return {
    [`${name}Route`]: {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: { Ref: 'Api' },
        RouteKey: name,
        RouteResponseSelectionExpression: '$default',
        Target: { 'Fn::Sub': `integrations/\${${name}Integration}` },
      },
    },
    [`${name}Integration`]: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: { Ref: 'Api' },
        IntegrationType: 'AWS',
        IntegrationMethod: 'POST',
        IntegrationUri: uri,
        RequestParameters: {
          'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'",
        },
        TemplateSelectionExpression: '\\$default',
        RequestTemplates: { $default: request },
      },
    },
    [`${name}IntegrationResponse`]: {
      Type: 'AWS::ApiGatewayV2::IntegrationResponse',
      Properties: {
        ApiId: { Ref: 'Api' },
        IntegrationId: { Ref: `${name}Integration` },
        IntegrationResponseKey: '$default',
        TemplateSelectionExpression: '\\$default',
        ResponseTemplates: { $default: response },
      },
    },
    [`${name}RouteResponse`]: {
      Type: 'AWS::ApiGatewayV2::RouteResponse',
      Properties: { ApiId: { Ref: 'Api' }, RouteId: { Ref: `${name}Route` }, RouteResponseKey: '$default' },
    },
  };
}

const sqsUri = (queue: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:sqs:path/\${AWS::AccountId}/${queue}`,
});

describe('wskit local: two-way routes to SNS and SQS in the query protocol', () => {
  let server: LocalServer;
  let client: Client;
  beforeAll(async () => {
    const dir = writeApp({
      Resources: {
        ...websocketApi('query-routes', 'dev'),
        Orders: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'orders' } },
        Alerts: { Type: 'AWS::SNS::Topic', Properties: {} },
        ...queryRoute(
          'alert',
          { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:sns:action/Publish' },
          {
            'Fn::Sub':
              'Action=Publish&TopicArn=$util.urlEncode("${Alerts}")&Message=$util.urlEncode($input.body)',
          },
          '{"alertId": "$input.path(\'$.PublishResponse.PublishResult.MessageId\')"}',
        ),
        ...queryRoute(
          'order',
          sqsUri('orders'),
          'Action=SendMessage&MessageBody=$util.urlEncode($input.body)',
          '{"orderId": "$input.path(\'$.SendMessageResponse.SendMessageResult.MessageId\')"}',
        ),
        ...queryRoute(
          'lost',
          sqsUri('no-such-queue'),
          'Action=SendMessage&MessageBody=$util.urlEncode($input.body)',
          '{"status": $context.status, "error": "$input.path(\'$.Error.Code\')"}',
        ),
      },
    });
    server = await startLocal({ appDir: dir, port: 0, log: () => {} });
    client = await Client.connect(server.url);
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it('answers a route to SNS Publish with the MessageId its response template reads', async () => {
    const reply = JSON.parse(await client.request(JSON.stringify({ action: 'alert', level: 'high' })));
    expect(reply).toEqual({ alertId: expect.stringMatching(/^[\w-]{8,}$/) });
  });

  it('answers a route to SQS SendMessage with the MessageId its response template reads', async () => {
    const reply = JSON.parse(await client.request(JSON.stringify({ action: 'order', item: 'tea' })));
    expect(reply).toEqual({ orderId: expect.stringMatching(/^[\w-]{8,}$/) });
  });

  it('answers a route to a missing queue with SQS’s query error code', async () => {
    const reply = JSON.parse(await client.request(JSON.stringify({ action: 'lost', item: 'tea' })));
    expect(reply).toEqual({ status: 400, error: 'AWS.SimpleQueueService.NonExistentQueue' });
  });
});

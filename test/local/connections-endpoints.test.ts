/**
 * The @connections endpoint in every form apps build it, each reaching the local API from a real
 * handler through the AWS SDK v3 and through fetch: the API id form of the chat sample, the event's
 * domain name, a variable the template builds with !Sub, and each with a trailing slash.
 */
import type { LocalServer } from '../../generator/local/start-local';
import { startLocal } from '../../generator/local/start-local';
import type { Template } from '../../generator/template/types';
import { Client, websocketApi, writeApp } from './helpers';

const HANDLER = `
import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';

export const handler = async (event) => {
  const { apiId, domainName, stage, connectionId } = event.requestContext;
  const { form, via } = JSON.parse(event.body);
  const endpoints = {
    apiId: \`https://\${apiId}.execute-api.\${process.env.AWS_REGION}.amazonaws.com/\${stage}\`,
    domainName: \`https://\${domainName}/\${stage}\`,
    sub: process.env.CALLBACK_URL,
    urlSuffix: process.env.CALLBACK_URL_SUFFIX,
  };
  const [name, slash] = form.split('/');
  const endpoint = endpoints[name] + (slash === '' ? '/' : '');
  const data = \`\${form} via \${via}\`;
  if (via === 'sdk') {
    const api = new ApiGatewayManagementApiClient({ endpoint });
    await api.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
  } else {
    const response = await fetch(\`\${endpoint}/@connections/\${encodeURIComponent(connectionId)}\`, { method: 'POST', body: data });
    if (!response.ok) throw new Error(\`@connections answered \${response.status}\`);
  }
  return { statusCode: 200, body: 'sent' };
};
`;

const TEMPLATE: Template = {
  AWSTemplateFormatVersion: '2010-09-09',
  Transform: 'AWS::Serverless-2016-10-31',
  Resources: {
    ...websocketApi('forms', 'prod'),
    DefaultRoute: {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: { Ref: 'Api' },
        RouteKey: '$default',
        Target: { 'Fn::Sub': 'integrations/${Integration}' },
        RouteResponseSelectionExpression: '$default',
      },
    },
    DefaultRouteResponse: {
      Type: 'AWS::ApiGatewayV2::RouteResponse',
      Properties: { ApiId: { Ref: 'Api' }, RouteId: { Ref: 'DefaultRoute' }, RouteResponseKey: '$default' },
    },
    Integration: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: { Ref: 'Api' },
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: {
          'Fn::Sub':
            'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Post.Arn}/invocations',
        },
      },
    },
    Post: {
      Type: 'AWS::Serverless::Function',
      Properties: {
        CodeUri: 'post/',
        Handler: 'app.handler',
        Runtime: 'nodejs22.x',
        Environment: {
          Variables: {
            CALLBACK_URL: { 'Fn::Sub': 'https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Stage}' },
            CALLBACK_URL_SUFFIX: {
              'Fn::Sub': 'https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}',
            },
          },
        },
      },
    },
  },
};

describe('wskit local: @connections endpoints as handlers build them', () => {
  let server: LocalServer;
  const log: string[] = [];
  beforeAll(async () => {
    const appDir = writeApp(TEMPLATE, { 'post/app.mjs': HANDLER });
    server = await startLocal({ appDir, port: 0, log: (line) => log.push(line) });
  });
  afterAll(() => server.close());

  const forms = ['apiId', 'domainName', 'sub', 'urlSuffix'].flatMap((form) => [form, `${form}/`]);
  it.each(forms.flatMap((form) => [[form, 'sdk'] as const, [form, 'fetch'] as const]))(
    'the %s endpoint reaches the local @connections API through %s',
    async (form, via) => {
      const logged = log.length;
      const client = await Client.connect(server.url);
      const replies = [await client.request(JSON.stringify({ form, via })), await client.next()];
      await client.close();
      expect({ replies, log: log.slice(logged).filter((line) => /Error|error/.test(line)) }).toEqual({
        replies: [`${form} via ${via}`, 'sent'],
        log: [],
      });
    },
  );
});

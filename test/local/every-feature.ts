/**
 * The app of the trap test (no-aws.test.ts): one entry per feature `wskit local` serves, each with
 * its resources, files and a probe that uses it through a client. A new feature is one more entry.
 */
import type { Json, Resource, Template } from '../../generator/template/types';
import { Client, integrationResponse, twoWayRoute, websocketApi, writeApp } from './helpers';

const lambdaUri = (fn: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${fn}.Arn}/invocations`,
});
const fn = (dir: string, extra: Record<string, unknown> = {}): Resource => ({
  Type: 'AWS::Serverless::Function',
  Properties: { CodeUri: `${dir}/`, Handler: 'index.handler', Runtime: 'nodejs22.x', ...extra },
});
/** A two-way route `key` to `integration`. */
const route = (id: string, key: string, integration: Record<string, Json>) =>
  twoWayRoute(id, key, integration);
export interface Feature {
  readonly name: string;
  readonly resources: Record<string, Resource>;
  readonly files?: Record<string, string>;
  /** Uses the feature against the running API (`url` carries the authorizer's token); throws when it fails. */
  probe(url: string): Promise<void>;
}

export const FEATURES: readonly Feature[] = [
  {
    name: 'a REQUEST authorizer and a $connect handler writing to DynamoDB',
    resources: {
      Authorizer: {
        Type: 'AWS::ApiGatewayV2::Authorizer',
        Properties: {
          ApiId: { Ref: 'Api' },
          Name: 'Token',
          AuthorizerType: 'REQUEST',
          AuthorizerUri: lambdaUri('AuthorizeFunction'),
          IdentitySource: ['route.request.querystring.token'],
        },
      },
      ConnectRoute: {
        Type: 'AWS::ApiGatewayV2::Route',
        Properties: {
          ApiId: { Ref: 'Api' },
          RouteKey: '$connect',
          AuthorizationType: 'CUSTOM',
          AuthorizerId: { Ref: 'Authorizer' },
          Target: { 'Fn::Sub': 'integrations/${ConnectIntegration}' },
        },
      },
      ConnectIntegration: {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: {
          ApiId: { Ref: 'Api' },
          IntegrationType: 'AWS_PROXY',
          IntegrationUri: lambdaUri('ConnectFunction'),
        },
      },
      AuthorizeFunction: fn('authorize'),
      ConnectFunction: fn('connect', { Environment: { Variables: { TABLE: { Ref: 'Table' } } } }),
      Table: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        },
      },
    },
    files: {
      'authorize/index.js': `exports.handler = async (event) => ({
  principalId: 'me',
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: event.queryStringParameters.token === 'let-me-in' ? 'Allow' : 'Deny', Resource: event.methodArn }] },
});`,
      'connect/index.js': `const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');
const dynamo = new DynamoDBClient({});
exports.handler = async (event) => {
  await dynamo.send(new PutItemCommand({ TableName: process.env.TABLE, Item: { id: { S: event.requestContext.connectionId } } }));
  return { statusCode: 200 };
};`,
    },
    async probe(url) {
      const refused = await Client.connect(url.replace('let-me-in', 'wrong')).then(
        (client) => client.close().then(() => 'open'),
        (error: { status?: number }) => error.status,
      );
      expect(refused).toBe(403);
      const client = await Client.connect(url);
      await client.close();
    },
  },
  {
    name: 'a Lambda route reading DynamoDB and posting through @connections at the API id endpoint',
    resources: {
      ...route('Chat', 'chat', { IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri('ChatFunction') }),
      ChatFunction: fn('chat', { Environment: { Variables: { TABLE: { Ref: 'Table' } } } }),
    },
    files: {
      'chat/index.mjs': `import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
const dynamo = new DynamoDBClient({});
export const handler = async (event) => {
  const { apiId, stage, connectionId } = event.requestContext;
  const { Item } = await dynamo.send(new GetItemCommand({ TableName: process.env.TABLE, Key: { id: { S: connectionId } } }));
  const api = new ApiGatewayManagementApiClient({ endpoint: \`https://\${apiId}.execute-api.\${process.env.AWS_REGION}.amazonaws.com/\${stage}\` });
  await api.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: \`stored \${Item?.id.S === connectionId}\` }));
  return { statusCode: 200, body: 'done' };
};`,
    },
    async probe(url) {
      const client = await Client.connect(url);
      expect([await client.request('{"action": "chat"}'), await client.next()]).toEqual([
        'stored true',
        'done',
      ]);
      await client.close();
    },
  },
  {
    name: 'a Step Functions route whose Task runs a function',
    resources: {
      ...route('Flow', 'flow', {
        IntegrationType: 'AWS',
        IntegrationMethod: 'POST',
        IntegrationUri: {
          'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartSyncExecution',
        },
        TemplateSelectionExpression: '\\$default',
        RequestTemplates: {
          $default: { 'Fn::Sub': '{"input": "{}", "stateMachineArn": "${Machine.Arn}"}' },
        },
      }),
      ...integrationResponse('Flow', "$input.path('$.output')"),
      Machine: {
        Type: 'AWS::Serverless::StateMachine',
        Properties: {
          Type: 'EXPRESS',
          Definition: {
            StartAt: 'Shout',
            States: {
              Shout: { Type: 'Task', Resource: { 'Fn::GetAtt': ['ShoutFunction', 'Arn'] }, End: true },
            },
          },
        },
      },
      ShoutFunction: fn('shout'),
    },
    files: { 'shout/index.js': `exports.handler = async () => ({ shouted: 'HELLO' });` },
    async probe(url) {
      const client = await Client.connect(url);
      expect(JSON.parse(await client.request('{"action": "flow"}'))).toEqual({ shouted: 'HELLO' });
      await client.close();
    },
  },
  {
    name: 'a Step Functions route whose service tasks write to DynamoDB and answer through @connections',
    resources: {
      ...route('Tasks', 'tasks', {
        IntegrationType: 'AWS',
        IntegrationMethod: 'POST',
        IntegrationUri: {
          'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution',
        },
        RequestTemplates: {
          $default: {
            'Fn::Sub':
              '{"input": "{\\"connectionId\\": \\"$context.connectionId\\"}", "stateMachineArn": "${TaskMachine.Arn}"}',
          },
        },
      }),
      TaskMachine: {
        Type: 'AWS::Serverless::StateMachine',
        Properties: {
          Type: 'STANDARD',
          Definition: {
            StartAt: 'Store',
            States: {
              Store: {
                Type: 'Task',
                Resource: 'arn:aws:states:::dynamodb:putItem',
                Parameters: { TableName: { Ref: 'Table' }, Item: { id: { 'S.$': '$.connectionId' } } },
                ResultPath: null,
                Next: 'Answer',
              },
              Answer: {
                Type: 'Task',
                Resource: 'arn:aws:states:::apigateway:invoke',
                Parameters: {
                  ApiEndpoint: { 'Fn::Sub': '${Api}.execute-api.${AWS::Region}.amazonaws.com' },
                  Method: 'POST',
                  Stage: 'dev',
                  'Path.$': "States.Format('/@connections/{}', $.connectionId)",
                  RequestBody: 'stored by the state machine',
                },
                End: true,
              },
            },
          },
        },
      },
    },
    async probe(url) {
      const client = await Client.connect(url);
      client.socket.send('{"action": "tasks"}');
      expect(await client.next()).toBe('stored by the state machine');
      await client.close();
    },
  },
  {
    name: 'a Lambda route sending to SQS, whose consumer answers through @connections',
    resources: {
      ...route('Enqueue', 'enqueue', {
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: lambdaUri('EnqueueFunction'),
      }),
      EnqueueFunction: fn('enqueue', { Environment: { Variables: { QUEUE_URL: { Ref: 'Jobs' } } } }),
      Jobs: { Type: 'AWS::SQS::Queue' },
      ConsumerFunction: fn('consumer', {
        Events: { Jobs: { Type: 'SQS', Properties: { Queue: { 'Fn::GetAtt': ['Jobs', 'Arn'] } } } },
      }),
    },
    files: {
      'enqueue/index.mjs': `import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export const handler = async (event) => {
  const { apiId, stage, connectionId } = event.requestContext;
  const endpoint = \`https://\${apiId}.execute-api.\${process.env.AWS_REGION}.amazonaws.com/\${stage}\`;
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify({ endpoint, connectionId }) }));
  return { statusCode: 200, body: 'queued' };
};`,
      'consumer/index.mjs': `import { ApiGatewayManagementApiClient, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
export const handler = async (event) => {
  for (const record of event.Records) {
    const { endpoint, connectionId } = JSON.parse(record.body);
    const api = new ApiGatewayManagementApiClient({ endpoint });
    await api.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: 'consumed from the queue' }));
  }
};`,
    },
    async probe(url) {
      const client = await Client.connect(url);
      const replies = [await client.request('{"action": "enqueue"}'), await client.next()];
      expect(replies.sort()).toEqual(['consumed from the queue', 'queued']);
      await client.close();
    },
  },
  {
    name: 'a Python route on boto3: DynamoDB and @connections at the API id endpoint',
    resources: {
      ...route('Py', 'py', { IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri('PyFunction') }),
      PyFunction: {
        Type: 'AWS::Serverless::Function',
        Properties: {
          CodeUri: 'py/',
          Handler: 'app.handler',
          Runtime: 'python3.12',
          Environment: { Variables: { TABLE: { Ref: 'Table' } } },
        },
      },
    },
    files: {
      'py/app.py': `import os
import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE"])


def handler(event, context):
    request = event["requestContext"]
    table.put_item(Item={"id": "py-" + request["connectionId"]})
    found = "Item" in table.get_item(Key={"id": "py-" + request["connectionId"]})
    endpoint = "https://%s.execute-api.%s.amazonaws.com/%s" % (request["apiId"], os.environ["AWS_REGION"], request["stage"])
    api = boto3.client("apigatewaymanagementapi", endpoint_url=endpoint)
    api.post_to_connection(ConnectionId=request["connectionId"], Data=("python stored %s" % found).encode())
    return {"statusCode": 200, "body": "done"}
`,
    },
    async probe(url) {
      const client = await Client.connect(url);
      expect([await client.request('{"action": "py"}'), await client.next()]).toEqual([
        'python stored True',
        'done',
      ]);
      await client.close();
    },
  },
  {
    name: 'a MOCK route',
    resources: {
      ...route('Mock', 'mock', {
        IntegrationType: 'MOCK',
        RequestTemplates: { $default: '{"statusCode": 200}' },
      }),
      ...integrationResponse('Mock', '{"mocked": true}'),
    },
    async probe(url) {
      const client = await Client.connect(url);
      expect(JSON.parse(await client.request('{"action": "mock"}'))).toEqual({ mocked: true });
      await client.close();
    },
  },
  {
    name: 'a Lambda route named by the function’s bare ARN, and a MOCK route that refuses unmatched messages',
    resources: {
      ...route('Bare', 'bare', {
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: { 'Fn::GetAtt': ['BareFunction', 'Arn'] },
      }),
      BareFunction: fn('bare'),
      ...route('Strict', 'strict', {
        IntegrationType: 'MOCK',
        PassthroughBehavior: 'NEVER',
        TemplateSelectionExpression: '$request.body.kind',
        RequestTemplates: { known: '{"statusCode": 200}' },
      }),
      ...integrationResponse('Strict', '{"strict": true}'),
    },
    files: { 'bare/index.js': "exports.handler = async () => ({ statusCode: 200, body: 'bare' });" },
    async probe(url) {
      const client = await Client.connect(url);
      expect(await client.request('{"action": "bare"}')).toBe('bare');
      expect(JSON.parse(await client.request('{"action": "strict", "kind": "known"}'))).toEqual({
        strict: true,
      });
      const refused = JSON.parse(await client.request('{"action": "strict", "kind": "other"}'));
      expect(refused.message).toBe('Unsupported Media Type');
      await client.close();
    },
  },
];

/** A route to services wskit does not serve (S3 through the SDK; Bedrock and a web hook through fetch). */
export const OUTSIDE: Feature = {
  name: 'a handler calling services wskit does not serve',
  resources: {
    ...route('Outside', 'outside', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: lambdaUri('OutsideFunction'),
    }),
    OutsideFunction: fn('outside'),
    ...route('OutsidePy', 'outsidepy', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: lambdaUri('OutsidePyFunction'),
    }),
    OutsidePyFunction: {
      Type: 'AWS::Serverless::Function',
      Properties: { CodeUri: 'outsidepy/', Handler: 'app.handler', Runtime: 'python3.12' },
    },
  },
  files: {
    'outsidepy/app.py': `import boto3


def handler(event, context):
    try:
        boto3.client("s3").list_buckets()
        return {"statusCode": 200, "body": "listed"}
    except Exception as error:
        return {"statusCode": 200, "body": "%s: %s" % (error.response["Error"]["Code"], error.response["Error"]["Message"])}
`,
    'outside/index.mjs': `import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
const outcome = (promise) => promise.then((value) => value, (error) => \`\${error.name}: \${error.message}\`);
export const handler = async (event) => {
  const s3 = await outcome(new S3Client({}).send(new ListBucketsCommand({})).then(() => 'listed'));
  const offline = JSON.parse(event.body).offline;
  const refused = (url) => outcome(fetch(url, { method: 'POST', body: '{}' }).then(async (r) => \`\${r.status} \${JSON.parse(await r.text()).message}\`));
  const bedrock = offline ? await refused('https://bedrock-runtime.us-east-1.amazonaws.com/model/m/invoke') : 'not called';
  const elsewhere = offline ? await refused('http://example.com/hook') : 'not called';
  return { statusCode: 200, body: JSON.stringify({ s3, bedrock, elsewhere }) };
};`,
  },
  async probe() {},
};

export function appWith(features: readonly Feature[]): string {
  const resources: Record<string, Resource> = websocketApi('everything', 'dev');
  const template: Template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Resources: resources,
  };
  for (const feature of features) Object.assign(resources, feature.resources);
  return writeApp(template, Object.assign({}, ...features.map((feature) => feature.files ?? {})));
}

/**
 * Handlers' own SDK calls to SQS, SNS and EventBridge reach the local services: the AWS SDK v3
 * checks the body MD5s SQS returns, finds the queue from its Ref (a URL on SQS's host, as on AWS) and
 * reports a missing queue as SQS does.
 */
import { type LocalServer, startLocal } from '../../../generator/local/start-local';
import type { Template } from '../../../generator/template/types';
import { Client, writeApp } from '../helpers';

const HANDLER = `
const { SQSClient, SendMessageCommand, ReceiveMessageCommand } = require('@aws-sdk/client-sqs');
const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');
const { EventBridgeClient, PutEventsCommand } = require('@aws-sdk/client-eventbridge');

const sqs = new SQSClient({});
const calls = {
  async queue() {
    const QueueUrl = process.env.QUEUE_URL;
    const MessageAttributes = { kind: { DataType: 'String', StringValue: 'note' }, n: { DataType: 'Number', StringValue: '7' } };
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'héllo', MessageAttributes }));
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }),
    );
    return { same: Messages[0].MessageId === sent.MessageId, body: Messages[0].Body, count: Messages[0].Attributes.ApproximateReceiveCount };
  },
  async missing() {
    try {
      await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL + '-gone', MessageBody: 'x' }));
      return { sent: true };
    } catch (error) {
      return { name: error.name, code: error.Code, status: error.$metadata.httpStatusCode };
    }
  },
  async topic() {
    const { MessageId } = await new SNSClient({}).send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: 'hi' }));
    return { published: typeof MessageId === 'string' };
  },
  async bus() {
    const answer = await new EventBridgeClient({}).send(
      new PutEventsCommand({ Entries: [{ Source: 'app', DetailType: 'Ping', Detail: '{}' }] }),
    );
    return { failed: answer.FailedEntryCount, ids: answer.Entries.length };
  },
};

exports.handler = async (event) => {
  const { call } = JSON.parse(event.body);
  return { statusCode: 200, body: JSON.stringify(await calls[call]()) };
};
`;

const template: Template = {
  Transform: 'AWS::Serverless-2016-10-31',
  Resources: {
    Api: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: { ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' },
    },
    Route: {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: { Ref: 'Api' },
        RouteKey: '$default',
        Target: { 'Fn::Sub': 'integrations/${Integration}' },
      },
    },
    Integration: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: { Ref: 'Api' },
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: {
          'Fn::Sub':
            'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Caller.Arn}/invocations',
        },
      },
    },
    RouteResponse: {
      Type: 'AWS::ApiGatewayV2::RouteResponse',
      Properties: { ApiId: { Ref: 'Api' }, RouteId: { Ref: 'Route' }, RouteResponseKey: '$default' },
    },
    Notes: { Type: 'AWS::SQS::Queue' },
    News: { Type: 'AWS::SNS::Topic' },
    Caller: {
      Type: 'AWS::Serverless::Function',
      Properties: {
        CodeUri: 'caller/',
        Handler: 'index.handler',
        Runtime: 'nodejs22.x',
        Timeout: 10,
        Environment: { Variables: { QUEUE_URL: { Ref: 'Notes' }, TOPIC_ARN: { Ref: 'News' } } },
      },
    },
  },
};

describe('wskit local: handlers calling SQS, SNS and EventBridge with the SDK', () => {
  let server: LocalServer;
  let client: Client;
  beforeAll(async () => {
    server = await startLocal({ appDir: writeApp(template, { 'caller/index.js': HANDLER }), port: 0 });
    client = await Client.connect(server.url);
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });
  const call = async (name: string) => JSON.parse(await client.request(JSON.stringify({ call: name })));

  it('sends and receives on a queue, the SDK accepting the MD5 of the body it checks', async () => {
    expect(await call('queue')).toEqual({ same: true, body: 'héllo', count: '1' });
  });

  it('reports a missing queue as QueueDoesNotExist, with the query code SQS gives it', async () => {
    expect(await call('missing')).toEqual({
      name: 'QueueDoesNotExist',
      code: 'AWS.SimpleQueueService.NonExistentQueue',
      status: 400,
    });
  });

  it('publishes to a topic and puts events on the default bus', async () => {
    expect(await call('topic')).toEqual({ published: true });
    expect(await call('bus')).toEqual({ failed: 0, ids: 1 });
  });
});

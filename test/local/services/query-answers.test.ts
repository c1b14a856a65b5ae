/**
 * What an API Gateway AWS integration to SQS or SNS sees come back: a form-encoded (query protocol)
 * request gets the query protocol's JSON (`<Action>Response.<Action>Result`, errors as
 * `Error.Code`), with the service's status; a JSON-protocol request keeps the JSON protocol's answer.
 */
import { runAwsIntegration } from '../../../generator/local/integrations/aws';
import type { Services } from '../../../generator/local/integrations/types';
import { createLogger } from '../../../generator/local/log';
import { snsService } from '../../../generator/local/services/sns';
import { sqsService } from '../../../generator/local/services/sqs';
import { loadApp } from '../../../generator/local/template/load-app';
import type { AwsIntegration } from '../../../generator/local/types';
import { TemplateCache } from '../../../generator/local/vtl/render';
import { writeApp } from '../helpers';
import { startTestServices, type TestServices } from './host';

const FORM = { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" };

describe('query-protocol answers of AWS integrations to SQS and SNS', () => {
  let running: TestServices;
  let services: Services;
  let stack: string;
  beforeAll(async () => {
    const dir = writeApp({
      Resources: {
        Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'WEBSOCKET' } },
        Jobs: { Type: 'AWS::SQS::Queue', Properties: {} },
        Notices: { Type: 'AWS::SNS::Topic', Properties: {} },
      },
    });
    stack = dir.split('/').at(-1) as string;
    running = await startTestServices(loadApp(dir, { region: 'us-east-1' }), [sqsService, snsService]);
    services = {
      lambda: undefined as never,
      aws: running.services,
      templates: new TemplateCache(),
      log: createLogger(() => {}, false),
    };
  });
  afterAll(() => running.close());

  /** The integration's answer to `request`, passed through by a `$default` integration response. */
  const answer = async (integration: Partial<AwsIntegration> & { service: string }, request: string) => {
    const result = await runAwsIntegration(
      {
        kind: 'aws',
        id: 'Test',
        timeoutMs: 10_000,
        requestTemplates: { $default: request },
        responses: [{ key: '$default', templates: {} }],
        ...integration,
      },
      { body: '{}', context: {} },
      services,
    );
    if (result.kind !== 'reply') throw new Error(`integration failed: ${result.message}`);
    return { status: result.status, body: JSON.parse(result.body as string) };
  };
  const sqs = (queue: string) => ({ service: 'sqs', path: `123456789012/${queue}`, requestParameters: FORM });
  const sns = (action: string) => ({ service: 'sns', action: `sns:${action}`, requestParameters: FORM });
  const requestId = { RequestId: expect.any(String) };

  it('wraps SQS SendMessage in SendMessageResponse.SendMessageResult', async () => {
    const { status, body } = await answer(sqs(`${stack}-Jobs`), 'Action=SendMessage&MessageBody=hi');
    expect(status).toBe(200);
    expect(body).toEqual({
      SendMessageResponse: {
        SendMessageResult: {
          MessageId: expect.any(String),
          MD5OfMessageBody: '49f68a5c8493ec2c0bf489821c21fc3b',
        },
        ResponseMetadata: requestId,
      },
    });
  });

  it('wraps every SQS action, ReceiveMessage too', async () => {
    const { body } = await answer(sqs(`${stack}-Jobs`), 'Action=ReceiveMessage&MaxNumberOfMessages=1');
    expect(body.ReceiveMessageResponse.ReceiveMessageResult.Messages[0].Body).toBe('hi');
  });

  it('answers a missing queue with SQS’s query error code and status 400', async () => {
    const { status, body } = await answer(sqs('no-such-queue'), 'Action=SendMessage&MessageBody=hi');
    expect(status).toBe(400);
    expect(body).toEqual({
      Error: {
        Type: 'Sender',
        Code: 'AWS.SimpleQueueService.NonExistentQueue',
        Message: 'The specified queue does not exist.',
      },
      ...requestId,
    });
  });

  it('wraps SNS Publish in PublishResponse.PublishResult', async () => {
    const topic = encodeURIComponent(`arn:aws:sns:us-east-1:123456789012:${stack}-Notices`);
    const { status, body } = await answer(sns('Publish'), `TopicArn=${topic}&Message=hello`);
    expect(status).toBe(200);
    expect(body).toEqual({
      PublishResponse: { PublishResult: { MessageId: expect.any(String) }, ResponseMetadata: requestId },
    });
  });

  it('answers a missing topic with SNS’s NotFound and status 404', async () => {
    const topic = encodeURIComponent('arn:aws:sns:us-east-1:123456789012:nowhere');
    const { status, body } = await answer(sns('Publish'), `TopicArn=${topic}&Message=hello`);
    expect(status).toBe(404);
    expect(body).toEqual({
      Error: { Type: 'Sender', Code: 'NotFound', Message: 'Topic does not exist' },
      ...requestId,
    });
  });

  it('keeps the JSON protocol’s answer for a JSON request', async () => {
    const json = { service: 'sqs', action: 'sqs:SendMessage' };
    const queueUrl = `http://127.0.0.1/123456789012/${stack}-Jobs`;
    const ok = await answer(json, JSON.stringify({ QueueUrl: queueUrl, MessageBody: 'hi' }));
    expect(ok.body).toEqual({ MessageId: expect.any(String), MD5OfMessageBody: expect.any(String) });
    const missing = await answer(
      json,
      JSON.stringify({ QueueUrl: 'http://127.0.0.1/1/none', MessageBody: 'x' }),
    );
    expect(missing).toEqual({
      status: 400,
      body: { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' },
    });
  });
});

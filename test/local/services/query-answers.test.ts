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
        Ordered: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'ordered.fifo', FifoTopic: true } },
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
  let receiptHandle = '';

  it('answers SQS SendMessage with every member of its output shape, null where unset', async () => {
    const { status, body } = await answer(sqs(`${stack}-Jobs`), 'Action=SendMessage&MessageBody=hi');
    expect(status).toBe(200);
    expect(body).toEqual({
      SendMessageResponse: {
        SendMessageResult: {
          MD5OfMessageBody: '49f68a5c8493ec2c0bf489821c21fc3b',
          MD5OfMessageAttributes: null,
          MD5OfMessageSystemAttributes: null,
          MessageId: expect.any(String),
          SequenceNumber: null,
        },
        ResponseMetadata: requestId,
      },
    });
  });

  it('answers SQS ReceiveMessage with every member of each message', async () => {
    const { body } = await answer(sqs(`${stack}-Jobs`), 'Action=ReceiveMessage&MaxNumberOfMessages=1');
    expect(body).toEqual({
      ReceiveMessageResponse: {
        ReceiveMessageResult: {
          Messages: [
            {
              MessageId: expect.any(String),
              ReceiptHandle: expect.any(String),
              MD5OfBody: '49f68a5c8493ec2c0bf489821c21fc3b',
              Body: 'hi',
              Attributes: null,
              MD5OfMessageAttributes: null,
              MessageAttributes: null,
            },
          ],
        },
        ResponseMetadata: requestId,
      },
    });
    receiptHandle = body.ReceiveMessageResponse.ReceiveMessageResult.Messages[0].ReceiptHandle;
  });

  it('answers SQS ChangeMessageVisibility, DeleteMessage and PurgeQueue with no result, as their output is empty', async () => {
    const handle = encodeURIComponent(receiptHandle);
    const queue = sqs(`${stack}-Jobs`);
    for (const action of ['ChangeMessageVisibility', 'DeleteMessage', 'PurgeQueue']) {
      const extra = action === 'ChangeMessageVisibility' ? '&VisibilityTimeout=0' : '';
      const { status, body } = await answer(queue, `Action=${action}&ReceiptHandle=${handle}${extra}`);
      expect({ status, body }).toEqual({
        status: 200,
        body: { [`${action}Response`]: { ResponseMetadata: requestId } },
      });
    }
  });

  it('answers SQS SendMessageBatch with every member of each entry, successful and failed', async () => {
    const entries =
      'SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=one' +
      '&SendMessageBatchRequestEntry.2.Id=b&SendMessageBatchRequestEntry.2.MessageBody=';
    const { body } = await answer(sqs(`${stack}-Jobs`), `Action=SendMessageBatch&${entries}`);
    expect(body).toEqual({
      SendMessageBatchResponse: {
        SendMessageBatchResult: {
          Successful: [
            {
              Id: 'a',
              MessageId: expect.any(String),
              MD5OfMessageBody: expect.any(String),
              MD5OfMessageAttributes: null,
              MD5OfMessageSystemAttributes: null,
              SequenceNumber: null,
            },
          ],
          Failed: [{ Id: 'b', SenderFault: true, Code: expect.any(String), Message: expect.any(String) }],
        },
        ResponseMetadata: requestId,
      },
    });
  });

  it('answers the SQS batch deletes and visibility changes with every member of each entry', async () => {
    const queue = sqs(`${stack}-Jobs`);
    const received = await answer(queue, 'Action=ReceiveMessage&MaxNumberOfMessages=1');
    const handle = received.body.ReceiveMessageResponse.ReceiveMessageResult.Messages[0].ReceiptHandle;
    for (const action of ['ChangeMessageVisibilityBatch', 'DeleteMessageBatch']) {
      const entry = `${action}RequestEntry`;
      const extra = action === 'ChangeMessageVisibilityBatch' ? `&${entry}.1.VisibilityTimeout=0` : '';
      const request =
        `Action=${action}&${entry}.1.Id=ok&${entry}.1.ReceiptHandle=${encodeURIComponent(handle)}${extra}` +
        `&${entry}.2.Id=bad&${entry}.2.ReceiptHandle=nonsense`;
      const { body } = await answer(queue, request);
      expect(body).toEqual({
        [`${action}Response`]: {
          [`${action}Result`]: {
            Successful: [{ Id: 'ok' }],
            Failed: [{ Id: 'bad', SenderFault: true, Code: expect.any(String), Message: expect.any(String) }],
          },
          ResponseMetadata: requestId,
        },
      });
    }
  });

  it('answers SQS GetQueueUrl, GetQueueAttributes and ListQueues with their whole shapes', async () => {
    const url = await answer(sqs(`${stack}-Jobs`), `Action=GetQueueUrl&QueueName=${stack}-Jobs`);
    expect(url.body).toEqual({
      GetQueueUrlResponse: {
        GetQueueUrlResult: { QueueUrl: expect.stringMatching(new RegExp(`/${stack}-Jobs$`)) },
        ResponseMetadata: requestId,
      },
    });
    const attributes = await answer(
      sqs(`${stack}-Jobs`),
      'Action=GetQueueAttributes&AttributeName.1=VisibilityTimeout',
    );
    expect(attributes.body).toEqual({
      GetQueueAttributesResponse: {
        GetQueueAttributesResult: { Attributes: { VisibilityTimeout: '30' } },
        ResponseMetadata: requestId,
      },
    });
    const list = await answer(sqs(`${stack}-Jobs`), `Action=ListQueues&QueueNamePrefix=${stack}`);
    expect(list.body).toEqual({
      ListQueuesResponse: {
        ListQueuesResult: {
          QueueUrls: [url.body.GetQueueUrlResponse.GetQueueUrlResult.QueueUrl],
          NextToken: null,
        },
        ResponseMetadata: requestId,
      },
    });
  });

  it('gives each answer a fresh request id', async () => {
    const topic = encodeURIComponent(`arn:aws:sns:us-east-1:123456789012:${stack}-Notices`);
    const ids = await Promise.all(
      [1, 2].map(async () => {
        const { body } = await answer(sns('Publish'), `TopicArn=${topic}&Message=hello`);
        return body.PublishResponse.ResponseMetadata.RequestId;
      }),
    );
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe('00000000-0000-0000-0000-000000000000');
    expect(ids[1]).not.toBe(ids[0]);
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

  it('answers SNS Publish on a standard topic with "SequenceNumber": null', async () => {
    const topic = encodeURIComponent(`arn:aws:sns:us-east-1:123456789012:${stack}-Notices`);
    const { status, body } = await answer(sns('Publish'), `TopicArn=${topic}&Message=hello`);
    expect(status).toBe(200);
    expect(body).toEqual({
      PublishResponse: {
        PublishResult: { MessageId: expect.any(String), SequenceNumber: null },
        ResponseMetadata: requestId,
      },
    });
  });

  it('answers SNS Publish on a FIFO topic with its sequence number, growing with each message', async () => {
    const topic = encodeURIComponent('arn:aws:sns:us-east-1:123456789012:ordered.fifo');
    const publish = async () => {
      const request = `TopicArn=${topic}&Message=hello&MessageGroupId=g&MessageDeduplicationId=${Math.random()}`;
      const { body } = await answer(sns('Publish'), request);
      return body.PublishResponse.PublishResult as { MessageId: string; SequenceNumber: string };
    };
    const first = await publish();
    const second = await publish();
    expect(first).toEqual({
      MessageId: expect.any(String),
      SequenceNumber: expect.stringMatching(/^\d{20}$/),
    });
    expect(BigInt(second.SequenceNumber)).toBeGreaterThan(BigInt(first.SequenceNumber));
  });

  it('answers SNS PublishBatch with every member of each entry, successful and failed', async () => {
    const topic = encodeURIComponent(`arn:aws:sns:us-east-1:123456789012:${stack}-Notices`);
    const entries =
      'PublishBatchRequestEntries.member.1.Id=a&PublishBatchRequestEntries.member.1.Message=one' +
      '&PublishBatchRequestEntries.member.2.Id=b&PublishBatchRequestEntries.member.2.Message=';
    const { body } = await answer(sns('PublishBatch'), `TopicArn=${topic}&${entries}`);
    expect(body).toEqual({
      PublishBatchResponse: {
        PublishBatchResult: {
          Successful: [{ Id: 'a', MessageId: expect.any(String), SequenceNumber: null }],
          Failed: [{ Id: 'b', Code: 'InvalidParameter', SenderFault: true, Message: expect.any(String) }],
        },
        ResponseMetadata: requestId,
      },
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

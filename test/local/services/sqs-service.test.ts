/**
 * The SQS service through its contract, with real functions as consumers: the event Lambda gets,
 * redelivery and the dead-letter queue, partial batch failures, FIFO order, SQS's own errors.
 */
import { sqsService } from '../../../generator/local/services/sqs';
import { TaskError } from '../../../generator/local/services/types';
import { loadApp } from '../../../generator/local/template/load-app';
import type { Template } from '../../../generator/template/types';
import { eventually, writeApp } from '../helpers';
import { recorded, recorder, samFunction, startTestServices, type TestServices } from './host';

/** Records every event it gets; throws on "poison"; reports bodies starting with "fail" as failed. */
const CONSUMER = recorder(`
  if (event.Records.some((r) => r.body === 'poison')) throw new Error('cannot digest');
  const failed = event.Records.filter((r) => r.body.startsWith('fail'));
  return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.messageId })) };`);

const template: Template = {
  Transform: 'AWS::Serverless-2016-10-31',
  Resources: {
    Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'WEBSOCKET' } },
    Jobs: {
      Type: 'AWS::SQS::Queue',
      Properties: {
        VisibilityTimeout: 1,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['JobsDlq', 'Arn'] }, maxReceiveCount: 3 },
      },
    },
    JobsDlq: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'jobs-dlq' } },
    Batches: {
      Type: 'AWS::SQS::Queue',
      Properties: {
        VisibilityTimeout: 1,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['JobsDlq', 'Arn'] }, maxReceiveCount: 2 },
      },
    },
    Orders: {
      Type: 'AWS::SQS::Queue',
      Properties: { FifoQueue: true, ContentBasedDeduplication: true },
    },
    Consumer: samFunction('consumer', {
      Jobs: { Type: 'SQS', Properties: { Queue: { 'Fn::GetAtt': ['Jobs', 'Arn'] }, BatchSize: 1 } },
    }),
    BatchConsumer: samFunction('batch', {
      Batches: {
        Type: 'SQS',
        Properties: {
          Queue: { 'Fn::GetAtt': ['Batches', 'Arn'] },
          BatchSize: 10,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
        },
      },
    }),
    OrderConsumer: samFunction('orders'),
    OrdersMapping: {
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: {
        EventSourceArn: { 'Fn::GetAtt': ['Orders', 'Arn'] },
        FunctionName: { Ref: 'OrderConsumer' },
        BatchSize: 1,
      },
    },
  },
};

type SqsEvent = { Records: { messageId: string; body: string; attributes: Record<string, string> }[] };

describe('SQS service', () => {
  let dir: string;
  let running: TestServices;
  const call = (action: string, request: Record<string, unknown>) => {
    const answer = running.services.action(`sqs:${action}`);
    if (!answer) throw new Error(`no action sqs:${action}`);
    return answer(request);
  };
  const sendTask = () => running.services.task('arn:aws:states:::sqs:sendMessage');
  const urlOf = (name: string) => `https://sqs.us-east-1.amazonaws.com/123456789012/${name}`;
  const seen = (folder: string) => recorded<SqsEvent>(dir, folder);
  const stack = () => dir.split('/').at(-1) as string;

  beforeAll(async () => {
    dir = writeApp(template, {
      'consumer/index.js': CONSUMER,
      'batch/index.js': CONSUMER,
      'orders/index.js': CONSUMER,
    });
    const app = loadApp(dir, { region: 'us-east-1' });
    running = await startTestServices(app, [sqsService]);
  });
  afterAll(() => running.close());

  it('delivers a sent message to its consumer in the event Lambda gets from SQS', async () => {
    const sent = await call('SendMessage', {
      QueueUrl: urlOf(`${stack()}-Jobs`),
      MessageBody: 'hello',
      MessageAttributes: { kind: { DataType: 'String', StringValue: 'greeting' } },
    });
    expect(sent.statusCode).toBe(200);
    expect(await eventually(async () => seen('consumer').length > 0)).toBe(true);
    const [record] = seen('consumer')[0]?.Records ?? [];
    expect(record).toMatchObject({
      messageId: sent.body.MessageId,
      body: 'hello',
      md5OfBody: '5d41402abc4b2a76b9719d911017c592',
      md5OfMessageAttributes: sent.body.MD5OfMessageAttributes,
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: {
        kind: { stringValue: 'greeting', stringListValues: [], binaryListValues: [], dataType: 'String' },
      },
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:us-east-1:123456789012:${stack()}-Jobs`,
      awsRegion: 'us-east-1',
    });
    // The delivery's log line is written once the consumer has returned, after it saw the event.
    expect(
      await eventually(async () =>
        running.lines.some((line) => line.includes(`sqs ${stack()}-Jobs → Consumer ok (1 message)`)),
      ),
    ).toBe(true);
  });

  it('moves a poison message to the dead-letter queue after maxReceiveCount failed deliveries', async () => {
    await call('SendMessage', { QueueUrl: urlOf(`${stack()}-Jobs`), MessageBody: 'poison' });
    let dead: Record<string, unknown>[] = [];
    const arrived = await eventually(async () => {
      const received = await call('ReceiveMessage', { QueueUrl: urlOf('jobs-dlq'), MaxNumberOfMessages: 10 });
      dead = [...dead, ...((received.body.Messages as Record<string, unknown>[] | undefined) ?? [])];
      return dead.some((m) => m.Body === 'poison');
    }, 15_000);
    expect(arrived).toBe(true);
    const counts = seen('consumer')
      .flatMap((event) => event.Records)
      .filter((r) => r.body === 'poison')
      .map((r) => r.attributes.ApproximateReceiveCount);
    expect(counts).toEqual(['1', '2', '3']);
  });

  it('with ReportBatchItemFailures, redelivers only the items the handler reports', async () => {
    const sent = await call('SendMessageBatch', {
      QueueUrl: urlOf(`${stack()}-Batches`),
      Entries: ['ok-1', 'fail-1', 'ok-2'].map((body, i) => ({ Id: `m${i}`, MessageBody: body })),
    });
    expect(sent.body.Failed).toEqual([]);
    const batches = () => seen('batch').map((event) => event.Records.map((r) => r.body));
    expect(await eventually(async () => batches().length >= 2, 15_000)).toBe(true);
    expect(batches()[0]).toEqual(['ok-1', 'fail-1', 'ok-2']);
    expect(batches().slice(1)).toEqual([['fail-1']]);
  });

  it('hands a FIFO queue’s group to its consumer in order', async () => {
    const url = urlOf(`${stack()}-Orders.fifo`);
    for (const body of ['a-1', 'a-2', 'a-3'])
      await call('SendMessage', { QueueUrl: url, MessageBody: body, MessageGroupId: 'a' });
    expect(await eventually(async () => seen('orders').length === 3)).toBe(true);
    expect(seen('orders').map((event) => event.Records[0]?.body)).toEqual(['a-1', 'a-2', 'a-3']);
  });

  it('answers a missing queue with SQS’s error, in the JSON protocol and as a task', async () => {
    const answer = await call('SendMessage', { QueueUrl: urlOf('nope'), MessageBody: 'x' });
    expect(answer).toEqual({
      statusCode: 400,
      body: { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' },
      headers: { 'x-amzn-query-error': 'AWS.SimpleQueueService.NonExistentQueue;Sender' },
    });
    expect((await call('GetQueueUrl', { QueueName: 'nope' })).statusCode).toBe(400);
    const task = sendTask();
    await expect(
      task?.(
        { QueueUrl: urlOf('nope'), MessageBody: 'x' },
        { resource: 'arn:aws:states:::sqs:sendMessage', stateName: 'Send' },
      ),
    ).rejects.toEqual(new TaskError('SQS.QueueDoesNotExistException', 'The specified queue does not exist.'));
  });

  it('sends a task’s JSON MessageBody as text and answers with the message id', async () => {
    const result = await sendTask()?.(
      { QueueUrl: urlOf('jobs-dlq'), MessageBody: { order: 7 } },
      { resource: 'arn:aws:states:::sqs:sendMessage', stateName: 'Send' },
    );
    expect(result).toMatchObject({ MessageId: expect.any(String), MD5OfMessageBody: expect.any(String) });
    const url = (await call('GetQueueUrl', { QueueName: 'jobs-dlq' })).body.QueueUrl;
    const received = await call('ReceiveMessage', {
      QueueUrl: url,
      MaxNumberOfMessages: 10,
      AttributeNames: ['All'],
    });
    expect((received.body.Messages as { Body: string }[]).map((m) => m.Body)).toContain('{"order":7}');
  });

  it('keeps a queue’s messages across a template change that leaves the queue as it was', async () => {
    const app = loadApp(dir, { region: 'us-east-1' });
    await call('SendMessage', { QueueUrl: urlOf('jobs-dlq'), MessageBody: 'kept' });
    running.services.update(app);
    const count = async () =>
      (await call('GetQueueAttributes', { QueueUrl: urlOf('jobs-dlq'), AttributeNames: ['All'] })).body
        .Attributes as Record<string, string>;
    expect(Number((await count()).ApproximateNumberOfMessages)).toBeGreaterThan(0);
    const resources = new Map(app.resources);
    resources.set('JobsDlq', {
      type: 'AWS::SQS::Queue',
      properties: { QueueName: 'jobs-dlq', DelaySeconds: 1 },
    });
    running.services.update({ ...app, resources });
    expect(await count()).toMatchObject({ ApproximateNumberOfMessages: '0', DelaySeconds: '1' });
  });

  it('lists its queues and their consumers in the banner', () => {
    expect(running.services.banner).toEqual(
      expect.arrayContaining([
        `queue          → ${stack()}-Jobs, to Consumer, dead letters after 3 receives`,
        `queue          → ${stack()}-Orders.fifo (FIFO), to OrderConsumer`,
        'queue          → jobs-dlq',
      ]),
    );
  });
});

describe('SQS actions on a queue with no consumer', () => {
  let running: TestServices;
  const url = 'https://sqs.us-east-1.amazonaws.com/123456789012/inbox';
  const call = async (action: string, request: Record<string, unknown>) =>
    (running.services.action(`sqs:${action}`) as NonNullable<ReturnType<typeof running.services.action>>)(
      request,
    );
  beforeAll(async () => {
    const dir = writeApp({
      Resources: {
        Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'WEBSOCKET' } },
        Inbox: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'inbox' } },
      },
    });
    running = await startTestServices(loadApp(dir, { region: 'us-east-1' }), [sqsService]);
  });
  afterAll(() => running.close());

  it('changes the visibility of a batch, each entry answered on its own', async () => {
    await call('SendMessage', { QueueUrl: url, MessageBody: 'later' });
    const received = await call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 30 });
    const [message] = received.body.Messages as { ReceiptHandle: string }[];
    const answer = await call('ChangeMessageVisibilityBatch', {
      QueueUrl: url,
      Entries: [
        { Id: 'a', ReceiptHandle: message?.ReceiptHandle, VisibilityTimeout: 0 },
        { Id: 'b', ReceiptHandle: 'not-a-handle', VisibilityTimeout: 0 },
      ],
    });
    expect(answer.body).toEqual({
      Successful: [{ Id: 'a' }],
      Failed: [{ Id: 'b', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: expect.any(String) }],
    });
    const again = await call('ReceiveMessage', {
      QueueUrl: url,
      AttributeNames: ['ApproximateReceiveCount'],
    });
    expect(again.body.Messages).toEqual([
      expect.objectContaining({ Body: 'later', Attributes: { ApproximateReceiveCount: '2' } }),
    ]);
  });
});

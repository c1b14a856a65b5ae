/**
 * The SNS service through its contract: a topic fanning out to a function (SAM `Events: Type:
 * SNS`) and to queues (`AWS::SNS::Subscription`, enveloped and raw), each behind its filter policy.
 */
import { snsService } from '../../../generator/local/services/sns';
import { sqsService } from '../../../generator/local/services/sqs';
import { loadApp } from '../../../generator/local/template/load-app';
import type { Template } from '../../../generator/template/types';
import { eventually, writeApp } from '../helpers';
import { recorded, recorder, startTestServices, type TestServices } from './host';

const template: Template = {
  Transform: 'AWS::Serverless-2016-10-31',
  Resources: {
    Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'WEBSOCKET' } },
    Notices: { Type: 'AWS::SNS::Topic', Properties: {} },
    Audit: { Type: 'AWS::SQS::Queue', Properties: {} },
    Large: { Type: 'AWS::SQS::Queue', Properties: {} },
    AuditSubscription: {
      Type: 'AWS::SNS::Subscription',
      Properties: {
        TopicArn: { Ref: 'Notices' },
        Protocol: 'sqs',
        Endpoint: { 'Fn::GetAtt': ['Audit', 'Arn'] },
      },
    },
    LargeSubscription: {
      Type: 'AWS::SNS::Subscription',
      Properties: {
        TopicArn: { Ref: 'Notices' },
        Protocol: 'sqs',
        Endpoint: { 'Fn::GetAtt': ['Large', 'Arn'] },
        RawMessageDelivery: true,
        FilterPolicyScope: 'MessageBody',
        FilterPolicy: { total: [{ numeric: ['>=', 100] }] },
      },
    },
    Notifier: {
      Type: 'AWS::Serverless::Function',
      Properties: {
        CodeUri: 'notifier/',
        Handler: 'index.handler',
        Runtime: 'nodejs22.x',
        Events: {
          Orders: {
            Type: 'SNS',
            Properties: { Topic: { Ref: 'Notices' }, FilterPolicy: { kind: ['order'] } },
          },
        },
      },
    },
  },
};

describe('SNS service', () => {
  let dir: string;
  let running: TestServices;
  const stack = () => dir.split('/').at(-1) as string;
  const topicArn = () => `arn:aws:sns:us-east-1:123456789012:${stack()}-Notices`;
  const call = (name: string, request: Record<string, unknown>) => {
    const action = running.services.action(name);
    if (!action) throw new Error(`no action ${name}`);
    return action(request);
  };
  const notified = () => recorded<{ Records: { Sns: Record<string, unknown> }[] }>(dir, 'notifier');
  const drain = async (queue: string) => {
    const answer = await call('sqs:ReceiveMessage', {
      QueueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/${stack()}-${queue}`,
      MaxNumberOfMessages: 10,
      MessageAttributeNames: ['All'],
    });
    return (answer.body.Messages ?? []) as { Body: string; MessageAttributes?: Record<string, unknown> }[];
  };

  beforeAll(async () => {
    dir = writeApp(template, { 'notifier/index.js': recorder() });
    running = await startTestServices(loadApp(dir, { region: 'us-east-1' }), [sqsService, snsService]);
  });
  afterAll(() => running.close());

  it('fans a message out to the function and the queue whose policies accept it', async () => {
    const published = await call('sns:Publish', {
      TopicArn: topicArn(),
      Subject: 'New order',
      Message: JSON.stringify({ id: 'o-1', total: 250 }),
      MessageAttributes: { kind: { DataType: 'String', StringValue: 'order' } },
    });
    expect(published.statusCode).toBe(200);
    expect(await eventually(async () => notified().length === 1)).toBe(true);
    expect(notified()[0]?.Records[0]).toMatchObject({
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      Sns: {
        Type: 'Notification',
        MessageId: published.body.MessageId,
        TopicArn: topicArn(),
        Subject: 'New order',
        Message: '{"id":"o-1","total":250}',
        MessageAttributes: { kind: { Type: 'String', Value: 'order' } },
      },
    });
    const [audit] = await drain('Audit');
    expect(JSON.parse(audit?.Body as string)).toMatchObject({
      Type: 'Notification',
      MessageId: published.body.MessageId,
      TopicArn: topicArn(),
      Message: '{"id":"o-1","total":250}',
      SigningCertURL: expect.any(String),
      MessageAttributes: { kind: { Type: 'String', Value: 'order' } },
    });
    const [large] = await drain('Large');
    expect(large).toMatchObject({
      Body: '{"id":"o-1","total":250}',
      MessageAttributes: { kind: { DataType: 'String', StringValue: 'order' } },
    });
  });

  it('leaves out the subscribers whose filter policy refuses a message', async () => {
    const entry = (id: string, kind: string, total: number) => ({
      Id: id,
      Message: JSON.stringify({ id, total }),
      MessageAttributes: { kind: { DataType: 'String', StringValue: kind } },
    });
    await call('sns:PublishBatch', {
      TopicArn: topicArn(),
      PublishBatchRequestEntries: [entry('r-1', 'refund', 5), entry('o-2', 'order', 7)],
    });
    let audited: string[] = [];
    const settled = await eventually(async () => {
      audited = [...audited, ...(await drain('Audit')).map((m) => JSON.parse(m.Body).Message)];
      return audited.length === 2 && notified().length === 2;
    });
    expect(settled).toBe(true);
    expect(notified().map((event) => JSON.parse(String(event.Records[0]?.Sns.Message)).id)).toEqual([
      'o-1',
      'o-2',
    ]);
    expect(await drain('Large')).toEqual([]);
  });

  it('answers a topic the template lacks with NotFound, as SNS does', async () => {
    expect(await call('sns:Publish', { TopicArn: `${topicArn()}-nope`, Message: 'x' })).toEqual({
      statusCode: 404,
      body: { __type: 'NotFound', message: 'Topic does not exist' },
    });
  });

  it('lists topics and their subscribers in the banner', () => {
    expect(running.services.banner).toContain(
      `topic          → ${stack()}-Notices, to queue ${stack()}-Audit, queue ${stack()}-Large (filtered), Notifier (filtered)`,
    );
  });
});

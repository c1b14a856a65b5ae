/** The SQS queue engine on a clock the test moves: visibility, redrive, FIFO groups, deduplication, MD5s. */
import { md5OfAttributes } from '../../../generator/local/services/sqs/md5';
import { QUEUE_DEFAULTS, Queue, type QueueConfig } from '../../../generator/local/services/sqs/queue';

let now = 1_000_000;
const clock = () => now;
const later = (seconds: number) => {
  now += seconds * 1000;
};

const queue = (overrides: Partial<QueueConfig> = {}) =>
  new Queue(
    {
      name: 'jobs',
      url: 'http://127.0.0.1/123456789012/jobs',
      arn: 'arn:aws:sqs:us-east-1:123456789012:jobs',
      fifo: false,
      contentBasedDeduplication: false,
      ...QUEUE_DEFAULTS,
      ...overrides,
    },
    clock,
  );

describe('SQS queue engine', () => {
  it('hides a received message for the visibility timeout, then delivers it again with a higher count', () => {
    const q = queue({ visibilityTimeoutSeconds: 10 });
    q.send({ body: 'hello' });
    expect(q.receive(10)[0]?.Attributes.ApproximateReceiveCount).toBe('1');
    expect(q.receive(10)).toEqual([]);
    later(10);
    const again = q.receive(10);
    expect(again.map((m) => [m.Body, m.Attributes.ApproximateReceiveCount])).toEqual([['hello', '2']]);
    expect(q.delete(again[0]?.ReceiptHandle as string)).toBeUndefined();
    later(30);
    expect(q.receive(10)).toEqual([]);
  });

  it('makes a message visible at once when its visibility is changed to 0', () => {
    const q = queue();
    q.send({ body: 'x' });
    const [message] = q.receive();
    expect(q.changeVisibility(message?.ReceiptHandle as string, 0)).toBeUndefined();
    expect(q.receive()).toHaveLength(1);
    expect(q.changeVisibility('nonsense', 5)).toMatchObject({ code: 'ReceiptHandleIsInvalid' });
  });

  it('holds back a delayed message until its delay has passed', () => {
    const q = queue({ delaySeconds: 5 });
    q.send({ body: 'later' });
    q.send({ body: 'sooner', delaySeconds: 0 });
    expect(q.receive(10).map((m) => m.Body)).toEqual(['sooner']);
    later(5);
    expect(q.receive(10).map((m) => m.Body)).toEqual(['later']);
  });

  it('moves a message to its dead-letter queue when a receive would pass maxReceiveCount', () => {
    const dlq = queue({ name: 'dlq' });
    const q = queue({
      visibilityTimeoutSeconds: 1,
      redrive: { deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq', maxReceiveCount: 2 },
    });
    q.deadLetter = (message) => dlq.accept(message);
    const { MessageId } = q.send({ body: 'poison' }) as { MessageId: string };
    expect(q.receive()).toHaveLength(1);
    later(1);
    expect(q.receive()).toHaveLength(1);
    later(1);
    expect(q.receive()).toEqual([]);
    const [dead] = dlq.receive();
    expect(dead).toMatchObject({ MessageId, Body: 'poison', Attributes: { ApproximateReceiveCount: '1' } });
  });

  it('hands out a FIFO group in order and never while an earlier message of the group is in flight', () => {
    const q = queue({ fifo: true, contentBasedDeduplication: true });
    for (const body of ['a1', 'a2']) q.send({ body, groupId: 'a' });
    q.send({ body: 'b1', groupId: 'b' });
    const [first] = q.receive(1);
    expect(first?.Body).toBe('a1');
    expect(q.receive(10).map((m) => m.Body)).toEqual(['b1']);
    q.delete(first?.ReceiptHandle as string);
    expect(q.receive(10).map((m) => [m.Body, m.Attributes.MessageGroupId])).toEqual([['a2', 'a']]);
  });

  it('accepts a FIFO duplicate within five minutes without adding a message', () => {
    const q = queue({ fifo: true, contentBasedDeduplication: true });
    const first = q.send({ body: 'same', groupId: 'g' });
    expect(q.send({ body: 'same', groupId: 'g' })).toEqual(first);
    expect(q.send({ body: 'other', groupId: 'g', deduplicationId: 'd1' })).not.toEqual(first);
    expect(q.receive(10)).toHaveLength(2);
    later(300);
    expect(q.send({ body: 'same', groupId: 'g' })).not.toEqual(first);
  });

  it('fails sends that SQS refuses, with its error names', () => {
    expect(queue({ fifo: true }).send({ body: 'x', groupId: 'g' })).toMatchObject({
      code: 'InvalidParameterValue',
    });
    expect(queue({ fifo: true, contentBasedDeduplication: true }).send({ body: 'x' })).toMatchObject({
      code: 'MissingParameter',
    });
    expect(queue().send({ body: 'x', groupId: 'g' })).toMatchObject({ code: 'InvalidParameterValue' });
    expect(queue({ maxMessageBytes: 1024 }).send({ body: 'x'.repeat(1025) })).toMatchObject({
      code: 'InvalidParameterValue',
    });
  });

  it('returns the MD5 of the body and of the attributes as SQS computes them', () => {
    const sent = queue().send({
      body: 'hello',
      attributes: { timestamp: { DataType: 'Number', StringValue: '1493147359900' } },
    });
    expect(sent).toMatchObject({
      MD5OfMessageBody: '5d41402abc4b2a76b9719d911017c592',
      MD5OfMessageAttributes: '235c5c510d26fb653d073faed50ae77c',
    });
    expect(
      md5OfAttributes({
        ordinal: { DataType: 'Number', StringValue: '1' },
        category: { DataType: 'String', StringValue: 'test' },
      }),
    ).toBe('d21ae90c49061e927f57df5f5d72be1f');
  });

  it('counts visible, in-flight and delayed messages in its attributes', () => {
    const q = queue();
    q.send({ body: 'a' });
    q.send({ body: 'b' });
    q.send({ body: 'c', delaySeconds: 60 });
    q.receive();
    expect(q.attributes()).toMatchObject({
      ApproximateNumberOfMessages: '1',
      ApproximateNumberOfMessagesNotVisible: '1',
      ApproximateNumberOfMessagesDelayed: '1',
    });
    q.purge();
    expect(q.attributes().ApproximateNumberOfMessages).toBe('0');
  });
});

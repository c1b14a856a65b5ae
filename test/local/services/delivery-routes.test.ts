/**
 * Routes straight to SQS, SNS and EventBridge, end to end with a real ws client: the functions
 * behind them answer through @connections. Failure paths: a poison message ends in the dead-letter
 * queue, a partial batch failure redelivers only its failed item, a missing queue answers SQS's error.
 */
import { join } from 'node:path';
import { type LocalServer, startLocal } from '../../../generator/local/start-local';
import { Client, copyApp, eventually } from '../helpers';

const APP = join(__dirname, '..', 'fixtures', 'delivery-app');

describe('wskit local: routes to SQS, SNS and EventBridge', () => {
  let server: LocalServer;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startLocal({ appDir: copyApp(APP), port: 0, log: (line) => logs.push(line) });
  });
  afterAll(() => server.close());

  /** The next `count` messages, sorted, so deliveries that race each other compare stably. */
  const nextMessages = async (client: Client, count: number) => {
    const messages: string[] = [];
    for (let i = 0; i < count; i += 1) messages.push(await client.next(15_000));
    return messages
      .map((m) => JSON.parse(m))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  };

  it('lists the queues, topics and rules it serves in the start banner', () => {
    const stack = server.app.stackName;
    expect(server.services).toEqual(
      expect.arrayContaining([
        `queue          → ${stack}-JobsQueue, to WorkerFunction`,
        `queue          → ${stack}-RiskyQueue, to WorkerFunction, dead letters after 2 receives`,
        `queue          → ${stack}-DeadLetterQueue, to DeadLetterFunction`,
        `topic          → ${stack}-NewsTopic, to queue ${stack}-AuditQueue, NotifierFunction`,
        `rule           → chat/${stack}-ReactorFunctionSent, to ReactorFunction`,
      ]),
    );
  });

  it('queues a message through SQS to a Lambda consumer that answers through @connections', async () => {
    const client = await Client.connect(server.url);
    client.socket.send(JSON.stringify({ action: 'enqueue', task: 'resize' }));
    expect(JSON.parse(await client.next(15_000))).toEqual({ done: 'resize', attempt: 1 });
    // The delivery's log line follows the handler's answer.
    const logged = await eventually(async () =>
      logs.some((line) => /sqs .*-JobsQueue → WorkerFunction ok \(1 message\) \d+ms$/.test(line)),
    );
    expect(logged).toBe(true);
    await client.close();
  });

  it('with ReportBatchItemFailures, redelivers only the item the consumer reports failed', async () => {
    const client = await Client.connect(server.url);
    for (const task of ['a', 'flaky', 'b']) client.socket.send(JSON.stringify({ action: 'enqueue', task }));
    expect(await nextMessages(client, 3)).toEqual([
      { attempt: 1, done: 'a' },
      { attempt: 1, done: 'b' },
      { attempt: 2, done: 'flaky' },
    ]);
    expect(client.received).toEqual([]);
    await client.close();
  });

  it('moves a poison message to the dead-letter queue after maxReceiveCount failed deliveries', async () => {
    const client = await Client.connect(server.url);
    client.socket.send(JSON.stringify({ action: 'risky', task: 'poison' }));
    expect(JSON.parse(await client.next(15_000))).toEqual({ dead: 'poison', receives: '1' });
    const failures = logs.filter((line) =>
      /-RiskyQueue → WorkerFunction error Error: cannot run poison/.test(line),
    );
    expect(failures).toHaveLength(2);
    await client.close();
  });

  it('answers a route to a queue the template lacks with SQS’s own error', async () => {
    const client = await Client.connect(server.url);
    const reply = await client.request(JSON.stringify({ action: 'lost', task: 'x' }));
    // The route's request is form-encoded: SQS answers in the query protocol's JSON.
    expect(JSON.parse(reply)).toEqual({
      Error: {
        Type: 'Sender',
        Code: 'AWS.SimpleQueueService.NonExistentQueue',
        Message: 'The specified queue does not exist.',
      },
      RequestId: expect.any(String),
    });
    await client.close();
  });

  it('publishes through SNS to a subscribed function and a subscribed queue', async () => {
    const client = await Client.connect(server.url);
    client.socket.send(JSON.stringify({ action: 'publish', text: 'hello all' }));
    expect(await nextMessages(client, 2)).toEqual([
      { audited: 'hello all', type: 'Notification' },
      { notified: 'hello all' },
    ]);
    await client.close();
  });

  it('runs a state machine whose tasks publish to SNS, wait on SQS for a task token, and put an event', async () => {
    const client = await Client.connect(server.url);
    client.socket.send(JSON.stringify({ action: 'flow', text: 'plan' }));
    expect(await nextMessages(client, 3)).toEqual([
      { audited: 'plan', type: 'Notification' },
      { notified: 'plan' },
      { reply: 'seen plan approved' },
    ]);
    await client.close();
  });

  it('puts an event on EventBridge whose rule hands a function the transformed input', async () => {
    const client = await Client.connect(server.url);
    client.socket.send(JSON.stringify({ action: 'emit', text: 'ping' }));
    expect(JSON.parse(await client.next(15_000))).toEqual({ reply: 'seen ping' });
    await client.close();
  });
});

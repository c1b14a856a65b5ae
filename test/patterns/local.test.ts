/**
 * Each pattern, generated with its options, runs under `wskit local` and does what its README
 * promises, with a real ws client: the generated app is the one users deploy.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { exampleRequest } from '../../generator/app/examples';
import { generate } from '../../generator/app/generate';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { PATTERNS } from '../../patterns/index';
import { Client, eventually, localDynamoDb } from '../local/helpers';

/** Generates a pattern with these options into a new folder; returns the folder. */
async function generated(name: string, options: Record<string, string> = {}): Promise<string> {
  const pattern = PATTERNS[name];
  if (!pattern) throw new Error(`no pattern ${name}`);
  const out = join(mkdtempSync(join(tmpdir(), 'wskit-pattern-')), name);
  const request = exampleRequest(pattern, out);
  if (request.source.kind !== 'pattern') throw new Error('expected a pattern request');
  await generate({
    ...request,
    source: { ...request.source, options: { ...request.source.options, ...options } },
  });
  return out;
}

/** An SQS client of the emulator's SDK endpoint (queue URLs keep SQS's own host, as on AWS). */
const localSqs = (started: LocalServer) =>
  new SQSClient({
    endpoint: `http://127.0.0.1:${started.port}`,
    region: started.app.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    useQueueUrlAsEndpoint: false,
  });

const TOKEN = 'a-token-of-sixteen-chars';
let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('lambda --form sam --authorizer query', () => {
  test("refuses a handshake without the token, and passes the authorizer's context to the routes", async () => {
    const appDir = await generated('lambda', { form: 'sam', authorizer: 'query' });
    server = await startLocal({ appDir, port: 0, parameterOverrides: { AuthToken: TOKEN } });
    await expect(Client.connect(server.url)).rejects.toMatchObject({ status: 401 });
    await expect(Client.connect(`${server.url}?token=wrong-token-of-16-chars`)).rejects.toMatchObject({
      status: 403,
    });
    const client = await Client.connect(`${server.url}?token=${TOKEN}`);
    const reply = JSON.parse(await client.request('{"action": "anything"}'));
    expect(reply).toMatchObject({ message: 'success', received: { action: 'anything' } });
    expect(reply.authorizer).toMatchObject({ authorizedAt: expect.any(String), principalId: 'client' });
    await client.close();
  });
});

describe('dynamodb', () => {
  test('API Gateway stores each connection with a TTL two hours ahead, and deletes it on close', async () => {
    const started = await startLocal({ appDir: await generated('dynamodb'), port: 0 });
    server = started;
    const table = started.app.tables[0]?.name as string;
    const scan = async () =>
      (await localDynamoDb(started).send(new ScanCommand({ TableName: table }))).Items ?? [];
    const before = Math.floor(Date.now() / 1000);
    const client = await Client.connect(started.url);
    const [item] = await scan();
    expect(Number(item?.ttl?.N)).toBeGreaterThanOrEqual(before + 7200);
    expect(Number.isInteger(Number(item?.ttl?.N))).toBe(true);
    expect(JSON.parse(await client.request('{"hello": "world"}'))).toMatchObject({
      message: 'success',
      connectionId: item?.connectionId?.S,
      received: { hello: 'world' },
    });
    await client.close();
    expect(await eventually(async () => (await scan()).length === 0)).toBe(true);
  });
});

describe('sfn-async', () => {
  test('acknowledges at once with the execution, then answers through @connections, failures included', async () => {
    const started = await startLocal({ appDir: await generated('sfn-async'), port: 0, waitScale: 0 });
    server = started;
    const client = await Client.connect(started.url);
    const ack = JSON.parse(await client.request('{"hello": "world"}'));
    expect(ack).toMatchObject({ status: 'STARTED', executionArn: expect.stringContaining(':execution:') });
    expect(JSON.parse(await client.next())).toEqual({
      status: 'SUCCEEDED',
      result: { echo: { hello: 'world' } },
    });

    expect(JSON.parse(await client.request('{"fail": true}')).status).toBe('STARTED');
    expect(JSON.parse(await client.next())).toMatchObject({ status: 'FAILED', error: 'Work.Rejected' });
    await client.close();
  });

  test('with --ack none --on-failure silent, only successes are answered', async () => {
    const appDir = await generated('sfn-async', { ack: 'none', 'on-failure': 'silent' });
    const started = await startLocal({ appDir, port: 0, waitScale: 0 });
    server = started;
    const client = await Client.connect(started.url);
    client.socket.send('{"fail": true}');
    client.socket.send('{"n": 1}');
    expect(JSON.parse(await client.next())).toEqual({ status: 'SUCCEEDED', result: { echo: { n: 1 } } });
    await client.close();
    expect(client.received).toEqual([]);
  });
});

describe('sqs', () => {
  test('the consumer answers each sender; a message that is not JSON ends in the dead-letter queue', async () => {
    const appDir = await generated('sqs');
    // A one-second visibility timeout, so the three failed receives happen in test time.
    const template = join(appDir, 'template.yml');
    writeFileSync(
      template,
      readFileSync(template, 'utf8').replace('VisibilityTimeout: 60', 'VisibilityTimeout: 1'),
    );
    const started = await startLocal({ appDir, port: 0, waitScale: 0 });
    server = started;
    const client = await Client.connect(started.url);
    client.socket.send('{"hello": "world"}');
    expect(JSON.parse(await client.next())).toMatchObject({
      processed: { hello: 'world' },
      messageId: expect.any(String),
    });

    client.socket.send('not json');
    const sqs = localSqs(started);
    const { QueueUrl } = await sqs.send(
      new GetQueueUrlCommand({ QueueName: `${started.app.stackName}-MessagesDeadLetterQueue` }),
    );
    let dead: string | undefined;
    const arrived = await eventually(async () => {
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
      dead = Messages?.[0]?.Body;
      return dead !== undefined;
    }, 15_000);
    expect(arrived).toBe(true);
    expect(dead).toBe('not json');
    await client.close();
  });
});

describe('sns', () => {
  test('the subscribed function answers the publisher, and the archive queue keeps the message as published', async () => {
    const started = await startLocal({ appDir: await generated('sns'), port: 0, waitScale: 0 });
    server = started;
    const client = await Client.connect(started.url);
    client.socket.send('{"hello": "world"}');
    expect(JSON.parse(await client.next())).toMatchObject({ published: '{"hello": "world"}' });
    const sqs = localSqs(started);
    const { QueueUrl } = await sqs.send(
      new GetQueueUrlCommand({ QueueName: `${started.app.stackName}-ArchiveQueue` }),
    );
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    expect(Messages?.map((message) => message.Body)).toEqual(['{"hello": "world"}']);
    await client.close();
  });
});

describe('eventbridge', () => {
  test('the rule routes the event to the function, which answers the sender', async () => {
    const started = await startLocal({ appDir: await generated('eventbridge'), port: 0, waitScale: 0 });
    server = started;
    const client = await Client.connect(started.url);
    client.socket.send('{"hello": "world"}');
    expect(JSON.parse(await client.next())).toMatchObject({ routed: { hello: 'world' } });
    await client.close();
  });
});

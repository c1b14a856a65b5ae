/**
 * State machines whose Task states call the local services, end to end with a real ws client: the
 * sfn-async shape (acknowledge at once, answer later through `apigateway:invoke`), DynamoDB tasks
 * with ResultSelector, a `.waitForTaskToken` task a function answers with SendTaskSuccess, a child
 * execution with `.sync:2`, ApiGateway.410 caught, a Task nothing serves failing without a single
 * request leaving the machine, and a function invoking another through the Lambda Invoke API.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type LocalServer, startLocal } from '../../../generator/local/start-local';
import { Client, copyApp } from '../helpers';

const appDir = () => copyApp(join(__dirname, '..', 'fixtures', 'service-tasks-app'));

/** A loopback server standing in for AWS: it counts what reaches it. */
async function trapEndpoint(): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const TRAP_VARIABLES = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_LAMBDA',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_REGION',
];

describe('wskit local: Step Functions service tasks', () => {
  let server: LocalServer;
  let trap: Awaited<ReturnType<typeof trapEndpoint>>;
  const saved: Record<string, string | undefined> = {};
  const logs: string[] = [];

  beforeAll(async () => {
    trap = await trapEndpoint();
    // Had a Task reached for AWS, it would find credentials and be sent here.
    for (const name of TRAP_VARIABLES) saved[name] = process.env[name];
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: trap.url,
      AWS_ENDPOINT_URL_LAMBDA: trap.url,
      AWS_ACCESS_KEY_ID: 'AKIATRAP',
      AWS_SECRET_ACCESS_KEY: 'trap',
      AWS_REGION: 'us-east-1',
    });
    server = await startLocal({ appDir: appDir(), port: 0, waitScale: 0, log: (line) => logs.push(line) });
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => trap.server.close(resolve));
    for (const name of TRAP_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  const ask = async (machine: string, text = 'hi') => {
    const client = await Client.connect(server.url);
    const ack = JSON.parse(await client.request(JSON.stringify({ action: 'ask', machine, text })));
    const later = JSON.parse(await client.next());
    await client.close();
    return { ack, later };
  };

  it('acknowledges at once and answers later through apigateway:invoke, after DynamoDB putItem and getItem', async () => {
    expect(await ask('store', 'stored text')).toEqual({
      ack: { status: 'accepted' },
      later: { stored: 'stored text' },
    });
  });

  it('waits for the task token a function sends back with SendTaskSuccess', async () => {
    expect((await ask('callback', 'call me')).later).toEqual({ callback: 'CALL ME' });
  });

  it('runs a child execution with startExecution.sync:2 and reads its output as JSON', async () => {
    expect((await ask('child', 'hey')).later).toEqual({ child: 'hey!' });
  });

  it('waits for a child execution started with startExecution.waitForTaskToken to send the token back', async () => {
    expect((await ask('child-token', 'from child')).later).toEqual({ callback: 'FROM CHILD' });
  });

  it('reaches the connection at the endpoint $context.domainName gives, with the stage written after it', async () => {
    expect((await ask('domain')).later).toEqual({ via: 'domain' });
  });

  it('fails apigateway:invoke to a gone connection with ApiGateway.410, which Catch sees', async () => {
    expect((await ask('gone')).later).toMatchObject({ Error: 'ApiGateway.410' });
  });

  it('fails a Task nothing serves with States.TaskFailed, says so in the log, and sends nothing anywhere', async () => {
    const client = await Client.connect(server.url);
    const output = JSON.parse(await client.request('{"action": "trap"}'));
    await client.close();
    expect(trap.requests).toEqual([]);
    expect(output.failure).toEqual({
      Error: 'States.TaskFailed',
      Cause: expect.stringContaining('arn:aws:states:::glue:startCrawler does not run in wskit local'),
    });
    expect(logs.join('\n')).toMatch(
      /Unserved: Crawl failed: arn:aws:states:::glue:startCrawler does not run/,
    );
    expect(trap.requests).toEqual([]);
  });

  it('lets a function invoke another by name or ARN, RequestResponse or Event, with Lambda’s errors', async () => {
    const client = await Client.connect(server.url);
    const answers = JSON.parse(await client.request('{"action": "delegate", "text": "hi"}'));
    await client.close();
    expect(answers).toEqual({
      byName: { status: 200, payload: { upper: 'HI' } },
      byArn: { status: 200, payload: { upper: 'HI' } },
      failed: {
        status: 200,
        functionError: 'Unhandled',
        payload: { errorType: 'Error', errorMessage: 'asked to fail', trace: [] },
      },
      event: { status: 202, payload: null },
      missing: 'ResourceNotFoundException',
    });
  });
});

describe('wskit local --verbose: service tasks', () => {
  it('traces each task call and its answer', async () => {
    const logs: string[] = [];
    const server = await startLocal({
      appDir: appDir(),
      port: 0,
      waitScale: 0,
      verbose: true,
      log: (l) => logs.push(l),
    });
    try {
      const client = await Client.connect(server.url);
      await client.request('{"action": "ask", "machine": "child", "text": "x"}');
      await client.next();
      await client.close();
    } finally {
      await server.close();
    }
    const trace = logs.join('\n');
    expect(trace).toMatch(
      /Dispatcher: RunChild calls arn:aws:states:::states:startExecution\.sync:2 with \{/,
    );
    expect(trace).toMatch(/Dispatcher: Tell answered \{"Headers"/);
  });
});

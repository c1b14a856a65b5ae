/**
 * How the emulator answers when things go wrong, against a hand-written template: no route and no
 * `$default`, handlers that throw, hang, exit or run out of memory, oversized and binary frames,
 * `$connect` refusals and a REQUEST authorizer.
 */
import { join } from 'node:path';
import { ApiGatewayManagementApiClient, GetConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import WebSocket from 'ws';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { Client } from './helpers';

const FIXTURE = join(__dirname, 'fixtures', 'errors-app');

describe('wskit local: errors', () => {
  let server: LocalServer;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startLocal({ appDir: FIXTURE, port: 0, log: (line) => logs.push(line) });
  });
  afterAll(() => server.close());

  it('runs a handler with the event, context and environment API Gateway and Lambda give', async () => {
    const client = await Client.connect(server.url);
    const reply = JSON.parse(await client.request('{"type": "echo", "n": 1}'));
    expect(reply).toMatchObject({
      body: '{"type": "echo", "n": 1}',
      routeKey: 'echo',
      eventType: 'MESSAGE',
      stage: 'test',
      greeting: 'hello',
      functionArn: expect.stringMatching(/^arn:aws:lambda:us-east-1:123456789012:function:\S+-EchoFunction$/),
      region: 'us-east-1',
    });
    expect(reply.connectionId).toMatch(/^[\w-]{15}=$/);
    expect(reply.remainingMs).toBeGreaterThan(0);
    const { functionName } = reply.context;
    expect(reply.context).toEqual({
      awsRequestId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      functionName: expect.stringMatching(/-EchoFunction$/),
      invokedFunctionArn: reply.functionArn,
      memoryLimitInMB: expect.stringMatching(/^\d+$/),
      logGroupName: `/aws/lambda/${functionName}`,
      logStreamName: expect.stringMatching(/^local\/\[\$LATEST\]\d+$/),
    });
    expect(reply.functionArn).toMatch(new RegExp(`:function:${functionName}$`));
    // The environment stays warm: module state survives between invocations.
    const again = JSON.parse(await client.request('{"type": "echo"}'));
    expect(again.invocations).toBeGreaterThan(1);
    await client.close();
  });

  it('sends the Forbidden frame for an unknown route when there is no $default', async () => {
    const client = await Client.connect(server.url);
    for (const message of ['{"type": "nope"}', 'not json', '{"type": "$connect"}']) {
      const reply = JSON.parse(await client.request(message));
      expect(reply).toEqual({
        message: 'Forbidden',
        connectionId: expect.any(String),
        requestId: expect.any(String),
      });
    }
    await client.close();
  });

  it.each(['throw', 'loop', 'exit', 'memory'])(
    'answers Internal server error when the handler does "%s", and keeps serving',
    async (how) => {
      const client = await Client.connect(server.url);
      const reply = JSON.parse(await client.request(JSON.stringify({ type: 'fail', how })));
      expect(reply).toEqual({
        message: 'Internal server error',
        connectionId: expect.any(String),
        requestId: expect.any(String),
      });
      // The same function works again from a fresh environment, and other routes never stopped.
      client.socket.send(JSON.stringify({ type: 'fail', how: 'nothing' }));
      expect(JSON.parse(await client.request('{"type": "echo"}')).routeKey).toBe('echo');
      await client.close();
    },
  );

  it('closes with 1009 on a 200 KB message, and on a frame over 32 KB', async () => {
    const big = await Client.connect(server.url);
    big.socket.send(JSON.stringify({ type: 'echo', data: 'x'.repeat(200 * 1024) }));
    expect((await big.closed).code).toBe(1009);

    const fragmented = await Client.connect(server.url);
    fragmented.socket.send('{"type": "echo", "data": "', { fin: false });
    fragmented.socket.send('y'.repeat(40 * 1024), { fin: false });
    expect((await fragmented.closed).code).toBe(1009);
  });

  it('accepts a 100 KB message sent in frames of 32 KB at most', async () => {
    const client = await Client.connect(server.url);
    const data = 'z'.repeat(100 * 1024);
    const message = JSON.stringify({ type: 'echo', data });
    for (let offset = 0; offset < message.length; offset += 30 * 1024) {
      client.socket.send(message.slice(offset, offset + 30 * 1024), {
        fin: offset + 30 * 1024 >= message.length,
      });
    }
    expect(JSON.parse(JSON.parse(await client.next()).body).data).toHaveLength(data.length);
    await client.close();
  });

  it('closes with 1003 on a binary frame', async () => {
    const client = await Client.connect(server.url);
    client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await client.closed).code).toBe(1003);
  });

  it('fails the handshake with the status $connect returns, and 502 when it throws', async () => {
    await expect(Client.connect(`${server.url}?refuse=401`)).rejects.toMatchObject({ status: 401 });
    await expect(Client.connect(`${server.url}?refuse=503`)).rejects.toMatchObject({ status: 503 });
    await expect(Client.connect(`${server.url}?throw`)).rejects.toMatchObject({ status: 502 });
    await expect(Client.connect(server.url.replace('/test', '/other-stage'))).rejects.toMatchObject({
      status: 403,
    });
  });

  it('serves the root path too', async () => {
    const client = await Client.connect(server.url.replace('/test', '/'));
    expect(JSON.parse(await client.request('{"type": "echo"}')).routeKey).toBe('echo');
    await client.close();
  });

  it('answers @connections GET, POST and DELETE, and 410 GoneException for unknown ids', async () => {
    const client = await Client.connect(server.url);
    const { connectionId } = JSON.parse(await client.request('{"type": "echo"}'));
    const base = `http://127.0.0.1:${server.port}/test/@connections/${encodeURIComponent(connectionId)}`;

    // GetConnection through the SDK, as handlers call it: it reads the API's own JSON names.
    const management = new ApiGatewayManagementApiClient({
      endpoint: `http://127.0.0.1:${server.port}/test`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const info = await management.send(new GetConnectionCommand({ ConnectionId: connectionId }));
    expect(info).toMatchObject({
      Identity: { SourceIp: '127.0.0.1' },
      ConnectedAt: expect.any(Date),
      LastActiveAt: expect.any(Date),
    });
    expect(Math.abs((info.ConnectedAt as Date).getTime() - Date.now())).toBeLessThan(60_000);

    expect((await fetch(base, { method: 'POST', body: 'pushed' })).status).toBe(200);
    expect(await client.next()).toBe('pushed');

    expect((await fetch(base, { method: 'DELETE' })).status).toBe(204);
    await client.closed;
    const gone = await fetch(base, { method: 'POST', body: 'late' });
    expect(gone.status).toBe(410);
    expect(gone.headers.get('x-amzn-errortype')).toBe('GoneException');
  });

  it('logs one line per event with route, integration, status and latency', () => {
    expect(logs.some((line) => / echo lambda 200 \d+ms$/.test(line))).toBe(true);
    expect(logs.some((line) => / \$connect lambda 401 \d+ms$/.test(line))).toBe(true);
  });
});

describe('wskit local: REQUEST authorizer on $connect', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocal({ appDir: join(FIXTURE, 'auth-template.yml'), port: 0 });
  });
  afterAll(() => server.close());

  it('lets an allowed request in and passes its context to later events', async () => {
    const client = await Client.connect(`${server.url}?token=let-me-in`);
    expect(JSON.parse(await client.request('hello'))).toMatchObject({ plan: 'gold', principalId: 'user-1' });
    await client.close();
  });

  it('answers 401 without the identity source or on Unauthorized, 403 on a Deny policy', async () => {
    await expect(Client.connect(server.url)).rejects.toMatchObject({ status: 401 });
    await expect(Client.connect(`${server.url}?token=bad`)).rejects.toMatchObject({ status: 401 });
    await expect(Client.connect(`${server.url}?token=other`)).rejects.toMatchObject({ status: 403 });
  });
});

describe('wskit local: connection quotas', () => {
  it('closes an idle connection, and one past its maximum duration, with 1001', async () => {
    const idle = await startLocal({ appDir: FIXTURE, port: 0, idleTimeoutMs: 200 });
    const lifetime = await startLocal({ appDir: FIXTURE, port: 0, maxConnectionMs: 300 });
    try {
      const quiet = await Client.connect(idle.url);
      expect((await quiet.closed).code).toBe(1001);
      const busy = await Client.connect(lifetime.url);
      const chatter = setInterval(() => busy.socket.send('{"type": "echo"}'), 50);
      expect((await busy.closed).code).toBe(1001);
      clearInterval(chatter);
    } finally {
      await Promise.all([idle.close(), lifetime.close()]);
    }
  });
});

describe('wskit local: shutdown', () => {
  it('closes open sockets with 1001 and stops', async () => {
    const server = await startLocal({ appDir: FIXTURE, port: 0 });
    const client = await Client.connect(server.url);
    await server.close();
    expect((await client.closed).code).toBe(1001);
    await expect(
      new Promise((resolve, reject) => {
        const socket = new WebSocket(server.url);
        socket.once('open', resolve);
        socket.once('error', reject);
      }),
    ).rejects.toThrow();
  });
});

/**
 * A Python `$default` handler, run by a real `python3` as the Lambda Python runtime runs it: the
 * event, the context object, the environment, warm module state, its log lines; @connections
 * reached at the https addresses AWS samples build (from the event's domainName, from the API id,
 * from a `!Sub` variable) with urllib and, when installed, boto3; and every way a handler fails
 * answered with `Internal server error` while the API keeps serving.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { banner } from '../../generator/cli/commands/local';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { Client, copyApp } from './helpers';

const FIXTURE = join(__dirname, 'fixtures', 'python-app');
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3'], { stdio: 'ignore' }).status === 0;

describe('wskit local: a Python handler', () => {
  let server: LocalServer;
  let appDir: string;
  const logs: string[] = [];
  beforeAll(async () => {
    appDir = copyApp(FIXTURE);
    server = await startLocal({ appDir, port: 0, log: (line) => logs.push(line) });
  });
  afterAll(() => server.close());

  it('answers with the event, context and environment Lambda gives, and stays warm', async () => {
    const client = await Client.connect(server.url);
    const reply = JSON.parse(await client.request('{"say": "hi"}'));
    expect(reply).toMatchObject({
      routeKey: '$default',
      body: '{"say": "hi"}',
      greeting: 'hello from the template',
      region: 'us-east-1',
      executionEnv: 'AWS_Lambda_python3.12',
      cwd: join(appDir, 'src'),
      emulatorSettingsVisible: false,
      context: {
        function_name: expect.stringMatching(/-EchoFunction$/),
        memory_limit_in_mb: '256',
        aws_request_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-/),
        invoked_function_arn: expect.stringMatching(
          /^arn:aws:lambda:us-east-1:\d{12}:function:\S+-EchoFunction$/,
        ),
        log_group_name: expect.stringMatching(/^\/aws\/lambda\/\S+-EchoFunction$/),
      },
    });
    expect(reply.context.remaining_ms).toBeGreaterThan(0);
    expect(reply.context.remaining_ms).toBeLessThanOrEqual(2000);
    const again = JSON.parse(await client.request('{"say": "again"}'));
    expect(again.invocations).toBe(reply.invocations + 1);
    expect(logs.some((line) => line.endsWith('[EchoFunction] handling $default'))).toBe(true);
    expect(logs.some((line) => line.includes(`\t${again.context.aws_request_id}\trequest `))).toBe(true);
    await client.close();
  });

  it('says in the banner which local Python runs the Python functions', () => {
    expect(banner(server.app, server.url)).toContainEqual(
      expect.stringMatching(/^ {2}Python +→ EchoFunction \(python3\.12\) on Python 3\.\d+\.\d+ \(\/\S+\)$/),
    );
  });

  (hasBoto3 ? it : it.skip)('says nothing about boto3 in the banner when python3 has it', () => {
    expect(banner(server.app, server.url).filter((line) => line.includes('boto3'))).toEqual([]);
  });

  it.each(['domain', 'apiId', 'environment'])(
    'posts to @connections with urllib at the https address built from "%s"',
    async (form) => {
      const client = await Client.connect(server.url);
      client.socket.send(JSON.stringify({ do: 'post', form }));
      expect(await client.next()).toBe(`posted via ${form}`);
      expect(JSON.parse(await client.next())).toEqual({ posted: 200 });
      await client.close();
    },
  );

  (hasBoto3 ? it : it.skip)(
    `posts to @connections with boto3's apigatewaymanagementapi client${hasBoto3 ? '' : ' (skipped: python3 has no boto3; pip install boto3 to run it)'}`,
    async () => {
      const client = await Client.connect(server.url);
      client.socket.send(JSON.stringify({ do: 'post', form: 'apiId', client: 'boto3' }));
      expect(await client.next()).toBe('posted via apiId');
      expect(JSON.parse(await client.next())).toEqual({ posted: 200 });
      await client.close();
    },
  );

  (hasBoto3 ? it : it.skip)(
    `reaches the local table with boto3 through AWS_ENDPOINT_URL_DYNAMODB${hasBoto3 ? '' : ' (skipped: python3 has no boto3; pip install boto3 to run it)'}`,
    async () => {
      const client = await Client.connect(server.url);
      const first = JSON.parse(await client.request('{"do": "visit"}'));
      expect(first).toEqual({ connectionId: expect.any(String), visits: 1 });
      expect(JSON.parse(await client.request('{"do": "visit"}')).visits).toBe(2);
      await client.close();
    },
  );

  it.each(['raise', 'loop', 'exit'])(
    'answers Internal server error when the handler does "%s", and keeps serving',
    async (how) => {
      const client = await Client.connect(server.url);
      const reply = JSON.parse(await client.request(JSON.stringify({ do: how, why: 'testing' })));
      expect(reply).toEqual({
        message: 'Internal server error',
        connectionId: expect.any(String),
        requestId: expect.any(String),
      });
      expect(JSON.parse(await client.request('{"say": "still here"}')).body).toBe('{"say": "still here"}');
      await client.close();
    },
  );

  it('logs why a call failed: the Python exception, a timeout, an exit', () => {
    const failures = logs.filter((line) => line.includes('EchoFunction failed'));
    expect(failures).toEqual([
      expect.stringContaining('ValueError: the handler refused: testing'),
      expect.stringContaining('Sandbox.Timedout: Task timed out after 2.00 seconds'),
      expect.stringContaining('Runtime.ExitError: the runtime exited with code 3'),
    ]);
  });
});

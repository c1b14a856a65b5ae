/**
 * The `sfn-sync` example app end to end: a real ws client, the real VTL request template, the ASL
 * interpreter with StartSyncExecution's response, and the pattern's response options.
 */

import { join } from 'node:path';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { synthesize } from '../../generator/synth/synth';
import { sfnSyncPattern } from '../../patterns/sfn-sync/pattern';
import { Client, sfnSyncAppDir, writeApp } from './helpers';

const FAILING_DEFINITION = JSON.stringify({
  StartAt: 'Check',
  States: { Check: { Type: 'Fail', Error: 'NameRejected', Cause: "the name isn't allowed" } },
});

const WAITING_DEFINITION = JSON.stringify({
  StartAt: 'Wait',
  States: { Wait: { Type: 'Wait', Seconds: 5, End: true } },
});

/** The pattern's app with the given options, optionally another definition and integration timeout. */
function sfnApp(options: Record<string, string>, definition?: string, timeoutMillis?: number): string {
  const result = synthesize(sfnSyncPattern.build({ name: 'sfn-test', options }));
  const files = Object.fromEntries(result.files.map((file) => [file.path, definition ?? file.content]));
  const integration = result.template.Resources.DefaultIntegration?.Properties;
  if (timeoutMillis !== undefined && integration) integration.TimeoutInMillis = timeoutMillis;
  return writeApp(result.template, files);
}

describe('wskit local: sfn-sync', () => {
  let server: LocalServer;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startLocal({
      appDir: sfnSyncAppDir(),
      port: 0,
      waitScale: 0,
      verbose: true,
      log: (l) => logs.push(l),
    });
  });
  afterAll(() => server.close());

  it('answers a message with the StartSyncExecution response: SUCCEEDED, output equal to the input', async () => {
    const client = await Client.connect(server.url);
    const message = '{"first_name": "Jane", "last_name": "Doe"}';
    const reply = JSON.parse(await client.request(message));
    expect(reply).toMatchObject({
      status: 'SUCCEEDED',
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:SyncStateMachine',
      executionArn: expect.stringMatching(/^arn:aws:states:us-east-1:123456789012:express:SyncStateMachine:/),
      name: expect.any(String),
      inputDetails: { included: true },
      outputDetails: { included: true },
      billingDetails: {
        billedMemoryUsedInMB: expect.any(Number),
        billedDurationInMilliseconds: expect.any(Number),
      },
    });
    expect(JSON.parse(reply.output)).toEqual(JSON.parse(message));
    // The input comes back exactly as sent, as in the pattern's README: the template escapes the raw body.
    expect(reply.input).toBe(message);
    expect(reply.stopDate).toBeGreaterThanOrEqual(reply.startDate);
    expect(reply).not.toHaveProperty('error');
    await client.close();
  });

  it('keeps quotes, backslashes, newlines and non-ASCII text intact through the request template', async () => {
    const client = await Client.connect(server.url);
    const value = { text: 'it\'s "quoted" \\ back\nslash é ✓ 😀 </script>' };
    const reply = JSON.parse(await client.request(JSON.stringify(value)));
    expect(reply.status).toBe('SUCCEEDED');
    expect(JSON.parse(reply.output)).toEqual(value);
    await client.close();
  });

  it('sends a message that is not JSON to $default, where Step Functions rejects it as input', async () => {
    const client = await Client.connect(server.url);
    const reply = JSON.parse(await client.request('plain text'));
    expect(reply.__type).toMatch(/InvalidExecutionInput$/);
    await client.close();
  });

  it('logs the rendered request template and the state-by-state trace when verbose', () => {
    expect(logs.some((line) => line.includes('rendered request template') && line.includes('"input"'))).toBe(
      true,
    );
    expect(logs.some((line) => line.includes('StateEntered Wait'))).toBe(true);
  });
});

describe('wskit local: sfn-sync variants', () => {
  const servers: LocalServer[] = [];
  const start = async (appDir: string, waitScale = 0) => {
    const server = await startLocal({ appDir, port: 0, waitScale });
    servers.push(server);
    return server;
  };
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  it('reports a failing state machine as status FAILED with its error and cause', async () => {
    const server = await start(sfnApp({}, FAILING_DEFINITION));
    const client = await Client.connect(server.url);
    const reply = JSON.parse(await client.request('{"first_name": "Jane"}'));
    expect(reply).toMatchObject({ status: 'FAILED', error: 'NameRejected', cause: "the name isn't allowed" });
    expect(reply).not.toHaveProperty('output');
    await client.close();
  });

  it('sends the execution output alone with --response output', async () => {
    const server = await start(sfnApp({ response: 'output' }));
    const client = await Client.connect(server.url);
    const message = { first_name: 'Jane', last_name: 'Doe' };
    expect(JSON.parse(await client.request(JSON.stringify(message)))).toEqual(message);
    await client.close();
  });

  it('sends an error message for a failed execution with --on-failure error', async () => {
    const server = await start(sfnApp({ 'on-failure': 'error' }, FAILING_DEFINITION));
    const client = await Client.connect(server.url);
    const reply = JSON.parse(await client.request('{"first_name": "Jane"}'));
    expect(reply).toMatchObject({
      message: 'Execution FAILED',
      error: 'NameRejected',
      cause: "the name isn't allowed",
      executionArn: expect.stringContaining(':express:SyncStateMachine:'),
    });
    await client.close();
  });

  it('honours Wait states by default: a 5 s Wait runs into a 300 ms integration timeout', async () => {
    const app = sfnApp({}, WAITING_DEFINITION, 300);
    const slow = await start(app, 1);
    const client = await Client.connect(slow.url);
    expect(JSON.parse(await client.request('{"first_name": "Jane"}'))).toEqual({
      message: 'Endpoint request timed out',
      connectionId: expect.any(String),
      requestId: expect.any(String),
    });
    await client.close();

    // --wait-scale 0 makes the same Wait instant.
    const instant = await start(app, 0);
    const fast = await Client.connect(instant.url);
    expect(JSON.parse(await fast.request('{"first_name": "Jane"}')).status).toBe('SUCCEEDED');
    await fast.close();
  });
});

describe('wskit local: hand-written AWS and MOCK integrations', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocal({ appDir: join(__dirname, 'fixtures', 'task-app'), port: 0 });
  });
  afterAll(() => server.close());

  it('runs Task states on the template function, directly and through lambda:invoke', async () => {
    const client = await Client.connect(server.url);
    expect(JSON.parse(await client.request('{"name": "Jane"}'))).toEqual({
      name: 'Jane',
      direct: { greeting: 'hello Jane' },
      invoked: { greeting: 'hello Jane' },
    });
    await client.close();
  });

  it('answers a MOCK route from its integration response template', async () => {
    const client = await Client.connect(server.url);
    expect(JSON.parse(await client.request('{"action": "mock"}'))).toEqual({
      mocked: true,
      route: 'mock',
      connectionId: expect.any(String),
    });
    await client.close();
  });

  it('picks the integration response whose /regex/ key matches the status, else $default', async () => {
    const client = await Client.connect(server.url);
    for (const status of [404, 200, 429]) {
      const expected = status < 400 ? { ok: status } : { clientError: status };
      expect(JSON.parse(await client.request(`{"action": "status", "status": ${status}}`))).toEqual(expected);
    }
    await client.close();
  });
});

/**
 * CDK apps under `wskit local`: the test app's stacks (test/fixtures/cdk/websocket-app), synthesized by
 * the real aws-cdk-lib, run from their cdk.out as a CDK user runs them, driven with a real ws
 * client. The developer's AWS environment points at a trap, which must see nothing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { loadCdkApp } from '../../generator/local/template/load-cdk';
import { type AwsTrap, startTrap, startTrappedCli, stopCli } from '../helpers/aws-trap';
import { synthesizedAssembly } from '../helpers/cdk';
import type { LocalCli } from '../helpers/cli';
import { wskit } from '../helpers/cli';
import { Client } from './helpers';

let trap: AwsTrap;
let assembly: string;

beforeAll(async () => {
  [trap, assembly] = await Promise.all([startTrap(), synthesizedAssembly()]);
}, 120_000);
afterAll(() => trap.server.close());

/** `wskit local <cdk.out> --stack <stack>` for the tests of one describe block. */
function runStack(stack: string) {
  let cli: LocalCli;
  let url: string;
  beforeAll(async () => {
    cli = startTrappedCli([assembly, '--stack', stack, '--port', '0'], trap.endpoint);
    url = await cli.url;
  }, 60_000);
  afterAll(() => stopCli(cli.child));
  return { url: () => url, output: () => cli.output() };
}

describe('(a) an L2 chat on NodejsFunction with a table and a REQUEST authorizer', () => {
  const run = runStack('Chat');

  it('refuses a connection the authorizer denies, and broadcasts to the connections it allowed', async () => {
    await expect(Client.connect(run.url())).rejects.toMatchObject({ status: 401 }); // no identity source
    await expect(Client.connect(`${run.url()}?token=wrong`)).rejects.toMatchObject({ status: 403 });
    const alice = await Client.connect(`${run.url()}?token=let-me-in`);
    const bob = await Client.connect(`${run.url()}?token=let-me-in`);
    alice.socket.send(JSON.stringify({ action: 'sendmessage', data: 'hello from CDK' }));
    expect(await alice.next()).toBe('hello from CDK');
    expect(await bob.next()).toBe('hello from CDK');
    await Promise.all([alice.close(), bob.close()]);
  });

  it('names the stack the manifest gives, and runs the bundled asset code', () => {
    expect(run.output()).toMatch(/\$connect\s+→ Lambda connect\w+ \(authorizer Auth\)/);
    expect(run.output()).toMatch(/Connections\w+ → Chat-Connections\w+/);
  });
});

describe('(b) WebSocketAwsIntegration: Step Functions sync with the integration response added by hand, DynamoDB', () => {
  const run = runStack('StepFunctions');

  it('answers with the execution output the response template picks', async () => {
    const client = await Client.connect(run.url());
    expect(await client.request('{"action": "greet", "data": {"name": "Ada"}}')).toBe('hello, Ada');
    await client.close();
  });

  it('writes to the table through a DynamoDB PutItem integration', async () => {
    const client = await Client.connect(run.url());
    expect(JSON.parse(await client.request('{"action": "save", "text": "kept"}'))).toEqual({ saved: true });
    await client.close();
    const endpoint = /DynamoDB\s+→ (http:\S+)/.exec(run.output())?.[1] as string;
    const table = /Messages\w+ → (\S+)/.exec(run.output())?.[1] as string;
    const dynamo = new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const { Items } = await dynamo.send(new ScanCommand({ TableName: table }));
    expect(Items?.map((item) => item.text?.S)).toEqual(['kept']);
    dynamo.destroy();
  });
});

describe('(c) L1 constructs with a credentials role, code from a .zip asset', () => {
  const run = runStack('L1');

  it("runs the zipped function, and Fn::ImportValue reads the Chat stack's export", async () => {
    const client = await Client.connect(run.url());
    const reply = JSON.parse(await client.request('{"action": "echo", "text": "hi"}'));
    expect(reply.echo).toBe('hi');
    expect(reply.env.APP_IMPORTED).toMatch(/^Chat-Connections[0-9A-F]{8}$/);
    expect(reply.env.APP_ENDPOINT).toMatch(/^wss:\/\/local\w{5}\.execute-api\.us-east-1\.amazonaws\.com$/);
    await client.close();
  });
});

describe('(d) a nested stack holding the function the parent routes to', () => {
  const run = runStack('Nested');

  it("passes the parent's table down as parameters and reads the function's ARN up from Outputs", async () => {
    const client = await Client.connect(run.url());
    const reply = JSON.parse(await client.request('{"text": "nested"}'));
    expect(reply).toEqual({
      echo: 'nested',
      env: {
        APP_TABLE: expect.stringMatching(/^Nested-Items[0-9A-F]{8}$/),
        APP_TABLE_ARN: expect.stringMatching(/^arn:aws:dynamodb:us-east-1:123456789012:table\/Nested-Items/),
        APP_TABLE_FROM_ARN: expect.stringMatching(/^Nested-Items[0-9A-F]{8}$/),
      },
    });
    await client.close();
  });
});

describe('(e) a Python function from a folder asset, with a layer, in a stack with an environment', () => {
  const run = runStack('Python');

  it("imports the layer's module, and runs in the manifest's account and region", async () => {
    const client = await Client.connect(run.url());
    const reply = JSON.parse(await client.request('{"action": "hello", "name": "Ada"}'));
    expect(reply).toEqual({
      python: 3,
      greeting: 'hello, Ada',
      arn: expect.stringMatching(/^arn:aws:lambda:eu-west-1:111111111111:function:Python-Hello/),
    });
    await client.close();
  });
});

describe("(f) CDK's custom resources and a container image", () => {
  const run = runStack('CustomResources');

  it('starts without running them: the banner names them, and their attributes are placeholders', async () => {
    expect(run.output()).toMatch(
      /custom resources Setting\w+ \(Custom::AWS\), Greeting \(AWS::CloudFormation::CustomResource\), EchoLogRetention\w+ \(Custom::LogRetention\): their providers do not run, their attributes are placeholders/,
    );
    const client = await Client.connect(run.url());
    const reply = JSON.parse(await client.request('{"action": "echo", "text": "x"}'));
    expect(reply.env).toEqual({
      APP_SETTING: expect.stringMatching(/^Setting\w+\.Parameter\.Value$/),
      APP_GREETING: 'Greeting.Greeting',
    });
    await client.close();
  });

  it("leaves out the providers' functions: nothing invokes them here, so nothing is prepared for them", () => {
    const ids = [...loadCdkApp(assembly, { stack: 'CustomResources' }).functions.keys()];
    expect(ids).toEqual([expect.stringMatching(/^OnEvent/), expect.stringMatching(/^Echo/)]);
    expect(run.output()).not.toMatch(/installing/);
  });

  it('makes the image route alone unavailable, with the reason in the banner', async () => {
    expect(run.output()).toMatch(/image\s+→ cannot run locally .*Image\w+ is a container image/);
    const client = await Client.connect(run.url());
    expect(JSON.parse(await client.request('{"action": "image"}'))).toMatchObject({
      message: 'Internal server error',
    });
    await client.close();
  });
});

describe('a Stage (a nested cloud assembly)', () => {
  const run = runStack('Prod/Mock');

  it('runs its stack: a MOCK route with its integration response', async () => {
    const client = await Client.connect(run.url());
    expect(JSON.parse(await client.request('{"action": "ping"}'))).toEqual({ pong: true });
    await client.close();
  });
});

describe('choosing the stack', () => {
  it('refuses to guess among several stacks with a WebSocket API, and lists them', () => {
    const result = wskit(['local', assembly, '--port', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /7 stacks have a WebSocket API \(Prod\/Mock, Chat, StepFunctions, L1, Nested, Python, CustomResources\): pick one with --stack <name>/,
    );
  });

  it("refuses a nested stack's template alone: it runs with its parent", () => {
    const nested = readdirSync(assembly).find((name) => name.endsWith('.nested.template.json')) as string;
    const result = wskit(['local', join(assembly, nested)]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /is not the template of a stack of the assembly \(a nested stack runs with its parent\); stacks: Prod\/Mock, Chat/,
    );
  });

  it('names the stacks when --stack names none of them', () => {
    const result = wskit(['local', assembly, '--stack', 'Nope']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /--stack Nope: no such stack in .*; stacks: Prod\/Mock, Chat, StepFunctions, L1, Nested, Python, CustomResources$/m,
    );
  });
});

// Last, after every stack above ran and answered.
describe('the AWS trap', () => {
  it('saw no request', () => {
    expect(trap.seen.map((request) => `${request.method} ${request.url}`)).toEqual([]);
  });
});

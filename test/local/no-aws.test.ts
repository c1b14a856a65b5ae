/**
 * Never reach AWS by accident. The developer's environment points every AWS SDK at a loopback trap
 * (`AWS_ENDPOINT_URL`, with credentials of its own), and `wskit local` runs an app that uses every
 * feature the emulator serves. The trap must see nothing: not from the emulator's own clients
 * (tables, state machines, @connections), not from handlers calling the services wskit serves. A
 * handler's call to a service wskit does not serve reaches the developer's endpoint with the
 * developer's credentials, as with `sam local`; under `--offline` it is refused with a clear error.
 *
 * To cover a new feature, add one entry to FEATURES (./every-feature.ts): its resources, files and a probe.
 */
import { startTrap, startTrappedCli, stopCli } from '../helpers/aws-trap';
import type { LocalCli } from '../helpers/cli';
import { appWith, FEATURES, OUTSIDE } from './every-feature';
import { Client } from './helpers';

/** `wskit local` as a developer with a configured AWS environment runs it. */
function startCli(appDir: string, trap: string, extra: string[]): LocalCli {
  const cli = startTrappedCli([appDir, '--port', '0', ...extra], trap);
  return { ...cli, url: cli.url.then((found) => `${found}?token=let-me-in`) };
}

const describeTrap = (offline: boolean) => {
  let trap: Awaited<ReturnType<typeof startTrap>>;
  let cli: ReturnType<typeof startCli>;
  let url: string;
  beforeAll(async () => {
    trap = await startTrap();
    cli = startCli(appWith([...FEATURES, OUTSIDE]), trap.endpoint, offline ? ['--offline'] : []);
    url = await cli.url;
  });
  afterAll(async () => {
    await stopCli(cli.child);
    trap.server.close();
  });

  it.each(FEATURES.map((feature) => [feature.name, feature] as const))(
    '%s works, and the trap sees nothing',
    async (_, feature) => {
      await feature.probe(url);
      expect(trap.seen.map((request) => `${request.method} ${request.url}`)).toEqual([]);
    },
  );

  return { trap: () => trap, cli: () => cli, url: () => url };
};

describe('wskit local never reaches AWS on its own', () => {
  const run = describeTrap(false);

  it('lists the local services in the banner, and how others are reached', () => {
    expect(run.cli().output()).toMatch(
      /AWS services\s+→ local: execute-api \(@connections\), .*\bsfn\b.*\bdynamodb\b/,
    );
    expect(run.cli().output()).toMatch(/any other: your AWS account \(credentials from AWS_ACCESS_KEY_ID\)/);
  });

  it("lets a handler reach a service wskit does not serve, with the developer's credentials, as sam local does", async () => {
    const client = await Client.connect(run.url());
    expect(JSON.parse(await client.request('{"action": "outside"}'))).toEqual({
      s3: 'listed',
      bedrock: 'not called',
      elsewhere: 'not called',
    });
    expect(await client.request('{"action": "outsidepy"}')).toBe('listed');
    await client.close();
    expect(run.trap().seen.map((request) => request.headers.authorization)).toEqual([
      // One from the Node handler, one from the Python handler.
      expect.stringMatching(/Credential=AKIADEVELOPERTRAP000\/\d{8}\/us-east-1\/s3\//),
      expect.stringMatching(/Credential=AKIADEVELOPERTRAP000\/\d{8}\/us-east-1\/s3\//),
    ]);
  });
});

describe('wskit local --offline', () => {
  const run = describeTrap(true);

  it('refuses every call that would leave the machine with an error naming the service or host, and reaches nothing', async () => {
    expect(run.cli().output()).toMatch(/any other: refused \(--offline\)/);
    const client = await Client.connect(run.url());
    expect(JSON.parse(await client.request('{"action": "outside", "offline": true}'))).toEqual({
      s3: 'OfflineRefused: wskit local --offline: s3 is not served locally, and --offline refuses calls to AWS',
      bedrock:
        '403 wskit local --offline: bedrock-runtime is not served locally, and --offline refuses calls to AWS',
      elsewhere:
        '403 wskit local --offline: example.com is outside this machine, and --offline refuses calls that leave it',
    });
    expect(await client.request('{"action": "outsidepy"}')).toBe(
      'OfflineRefused: wskit local --offline: s3 is not served locally, and --offline refuses calls to AWS',
    );
    await client.close();
    expect(run.trap().seen).toEqual([]);
    expect(run.cli().output()).toMatch(/--offline refused a call to s3: GET \//);
  });
});

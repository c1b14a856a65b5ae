import { type GenerateFlags, generateRequest } from '../../generator/cli/commands/generate.args';
import { UsageError } from '../../generator/errors';

const flags = (extra: Partial<GenerateFlags> = {}): GenerateFlags => ({ out: '/tmp/my-api', ...extra });

describe('argv → generate request', () => {
  test.each([
    [
      'pattern with defaults',
      'sfn-sync',
      flags(),
      {
        name: 'my-api',
        force: false,
        source: { kind: 'pattern', options: { response: 'execution', 'on-failure': 'passthrough' } },
      },
    ],
    [
      'pattern options by their camel-cased keys',
      'sfn-sync',
      flags({ response: 'output', onFailure: 'error' }),
      { source: { kind: 'pattern', options: { response: 'output', 'on-failure': 'error' } } },
    ],
    [
      'explicit name, stage, runtime, region and force',
      'lambda',
      flags({ name: 'chat', stage: 'dev', runtime: 'nodejs24.x', region: 'eu-west-1', force: true }),
      { name: 'chat', stageName: 'dev', runtime: 'nodejs24.x', region: 'eu-west-1', force: true },
    ],
    ['an app file', undefined, flags({ app: 'app.ts' }), { source: { kind: 'appFile', file: 'app.ts' } }],
    [
      'a flag two patterns share, with the values of the chosen one',
      'sfn-async',
      flags({ onFailure: 'silent', ack: 'none' }),
      { source: { kind: 'pattern', options: { ack: 'none', 'on-failure': 'silent' } } },
    ],
  ])('%s', (_name, pattern, given, expected) => {
    expect(generateRequest(pattern, given)).toMatchObject(expected);
  });

  test.each([
    [
      'neither a pattern nor --app',
      undefined,
      flags(),
      /name a pattern \("lambda", "sfn-sync", .* or "[a-z-]+"\) or pass --app/,
    ],
    ['both a pattern and --app', 'lambda', flags({ app: 'a.ts' }), /not both/],
    [
      'an unknown pattern',
      'kafka',
      flags(),
      /unknown pattern "kafka"; use "lambda", "sfn-sync", .* or "[a-z-]+"$/,
    ],
    [
      'a default name that is not a stack name',
      'lambda',
      flags({ out: '/tmp/my_api' }),
      /--name "my_api": .* \(it defaults to the --out folder name\)/,
    ],
    [
      'a stage with a space',
      'lambda',
      flags({ stage: 'a b' }),
      /--stage "a b": use letters, digits, hyphens and underscores/,
    ],
    [
      'a malformed region',
      'lambda',
      flags({ region: 'Europe' }),
      /--region "Europe": expected a region name such as "us-east-1"/,
    ],
    [
      'an option of another pattern',
      'lambda',
      flags({ response: 'output' }),
      /--response applies to the sfn-sync pattern only/,
    ],
    [
      "a shared flag's value that only another pattern allows",
      'sfn-async',
      flags({ onFailure: 'error' }),
      /--on-failure "error" is not allowed for the sfn-async pattern; use "answer" or "silent"/,
    ],
    [
      'a shared flag on a pattern that has none',
      'lambda',
      flags({ onFailure: 'error' }),
      /--on-failure applies to the sfn-sync and sfn-async patterns only/,
    ],
    [
      '--stage with --app',
      undefined,
      flags({ app: 'a.ts', stage: 'x' }),
      /--stage and --runtime apply to patterns/,
    ],
  ])('fails on %s', (_name, pattern, given, message) => {
    expect(() => generateRequest(pattern, given)).toThrow(UsageError);
    expect(() => generateRequest(pattern, given)).toThrow(message);
  });
});

import { parseKeyValues } from '../../generator/deploy/key-values';
import { parseSamConfig } from '../../generator/deploy/samconfig';
import { type DeployFlags, resolveDeploySettings } from '../../generator/deploy/settings';

const SAMCONFIG = `version = 0.1

[default.global.parameters]
stack_name = "from-global"
region = "us-east-1"

[default.deploy.parameters]
stack_name = "from-deploy"
resolve_s3 = true
s3_prefix = "my-prefix"
capabilities = "CAPABILITY_IAM CAPABILITY_NAMED_IAM"
confirm_changeset = true
parameter_overrides = "StageName=\\"dev\\" EnableAccessLogs=true"
tags = ["team=web", "cost=ws api"]
`;

const flags = (extra: Partial<DeployFlags> = {}): DeployFlags => ({
  appDir: 'app',
  parameterOverrides: {},
  tags: {},
  ...extra,
});

describe('samconfig.toml', () => {
  it('reads [default.deploy.parameters] over [default.global.parameters]', () => {
    expect(parseSamConfig(SAMCONFIG)).toEqual({
      stackName: 'from-deploy',
      region: 'us-east-1',
      profile: undefined,
      s3Bucket: undefined,
      s3Prefix: 'my-prefix',
      resolveS3: true,
      confirmChangeset: true,
      noExecuteChangeset: undefined,
      capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
      parameterOverrides: { StageName: 'dev', EnableAccessLogs: 'true' },
      tags: { team: 'web', cost: 'ws api' },
    });
  });

  it('is empty when there is no file content', () => {
    expect(parseSamConfig('')).toMatchObject({
      stackName: undefined,
      capabilities: [],
      parameterOverrides: {},
    });
  });

  it('fails on broken TOML and on a wrong type, naming the key', () => {
    expect(() => parseSamConfig('[default', 'app/samconfig.toml')).toThrow(
      /^app\/samconfig.toml: not valid TOML/,
    );
    expect(() => parseSamConfig('[default.deploy.parameters]\nconfirm_changeset = "yes"')).toThrow(
      'samconfig.toml confirm_changeset: expected true or false, got "yes"',
    );
  });
});

describe('Key=Value lists', () => {
  it.each([
    ['A=1 B=2', { A: '1', B: '2' }],
    ['A="x y" B=\'z\'', { A: 'x y', B: 'z' }],
    ['ParameterKey=A,ParameterValue=1', { A: '1' }],
    ['A=b=c', { A: 'b=c' }],
    ['A=', { A: '' }],
  ])('%s', (input, expected) => {
    expect(parseKeyValues(input, 'x')).toEqual(expected);
  });

  it('fails on a word without "=" and on an open quote', () => {
    expect(() => parseKeyValues(['A'], '--tags')).toThrow('--tags: expected Key=Value, got "A"');
    expect(() => parseKeyValues('A="x B=1', '--tags')).toThrow(/unclosed quote/);
  });
});

describe('flags over samconfig.toml', () => {
  const config = parseSamConfig(SAMCONFIG);

  it.each<[string, Partial<DeployFlags>, Record<string, unknown>]>([
    [
      'samconfig alone',
      {},
      { stackName: 'from-deploy', region: 'us-east-1', s3Prefix: 'my-prefix', confirm: true, execute: true },
    ],
    [
      '--stack-name and --region win',
      { stackName: 'cli', region: 'eu-west-1' },
      { stackName: 'cli', region: 'eu-west-1' },
    ],
    ['--no-confirm wins over confirm_changeset', { confirm: false }, { confirm: false }],
    ['--no-execute', { execute: false }, { execute: false }],
    ['--s3-bucket', { s3Bucket: 'b' }, { s3Bucket: 'b' }],
    [
      'overrides merge key by key',
      { parameterOverrides: { StageName: 'prod' }, tags: { team: 'api' } },
      {
        parameterOverrides: { StageName: 'prod', EnableAccessLogs: 'true' },
        tags: { team: 'api', cost: 'ws api' },
      },
    ],
  ])('%s', (_name, given, expected) => {
    expect(resolveDeploySettings(flags(given), config)).toMatchObject(expected);
  });

  it('always asks for IAM and AUTO_EXPAND, plus what samconfig adds', () => {
    expect(resolveDeploySettings(flags(), config).capabilities).toEqual([
      'CAPABILITY_AUTO_EXPAND',
      'CAPABILITY_IAM',
      'CAPABILITY_NAMED_IAM',
    ]);
  });

  it('defaults the prefix to the stack name and confirmation to on', () => {
    expect(resolveDeploySettings(flags({ stackName: 's' }), parseSamConfig(''))).toMatchObject({
      s3Prefix: 's',
      confirm: true,
      execute: true,
      s3Bucket: undefined,
    });
  });

  it('fails without a stack name, with a bad one, and without any bucket when resolve_s3 is false', () => {
    expect(() => resolveDeploySettings(flags(), parseSamConfig(''))).toThrow(
      'no stack name: pass --stack-name or set stack_name in samconfig.toml',
    );
    expect(() => resolveDeploySettings(flags({ stackName: '1bad_name' }), parseSamConfig(''))).toThrow(
      /is not valid/,
    );
    expect(() =>
      resolveDeploySettings(
        flags({ stackName: 's' }),
        parseSamConfig('[default.deploy.parameters]\nresolve_s3 = false'),
      ),
    ).toThrow(/no S3 bucket for artifacts/);
  });
});

describe('Key=Value items from flags', () => {
  it('keeps one pair per item when the value has a space, and splits several pairs in one item', () => {
    expect(parseKeyValues(['Name=my app', 'Quoted="a b"'], 'x')).toEqual({ Name: 'my app', Quoted: 'a b' });
    expect(parseKeyValues(['A=1 B=2'], 'x')).toEqual({ A: '1', B: '2' });
  });
});

import { Command } from 'commander';
import { registerDelete, registerDeploy, registerOutputs } from '../../generator/cli/commands/deploy.args';

/** Parses argv with the real option definitions, capturing the request each command would run. */
function parse(argv: string[]): unknown {
  // Output settings must be set before the commands are added: commander copies them at creation.
  const program = new Command('wskit').exitOverride().configureOutput({ writeErr: () => {} });
  let parsed: unknown;
  const capture = async (request: unknown) => {
    parsed = request;
  };
  for (const register of [registerDeploy, registerDelete, registerOutputs]) register(program, capture);
  program.parse(argv, { from: 'user' });
  return parsed;
}

describe('deploy, delete and outputs arguments', () => {
  it.each<[string, string[], Record<string, unknown>]>([
    [
      'nothing given leaves every setting to samconfig.toml',
      ['deploy', 'app'],
      {
        appDir: 'app',
        stackName: undefined,
        confirm: undefined,
        execute: undefined,
        parameterOverrides: {},
        tags: {},
      },
    ],
    [
      'every flag',
      [
        'deploy',
        'app',
        '--stack-name',
        's',
        '--region',
        'eu-west-1',
        '--profile',
        'p',
        '--s3-bucket',
        'b',
        '--s3-prefix',
        'x',
        '--no-confirm',
        '--no-execute',
      ],
      {
        stackName: 's',
        region: 'eu-west-1',
        profile: 'p',
        s3Bucket: 'b',
        s3Prefix: 'x',
        confirm: false,
        execute: false,
      },
    ],
    [
      'pairs for overrides and tags',
      [
        'deploy',
        'app',
        '--parameter-overrides',
        'StageName=dev',
        'EnableAccessLogs=true',
        '--tags',
        'team=web',
      ],
      { parameterOverrides: { StageName: 'dev', EnableAccessLogs: 'true' }, tags: { team: 'web' } },
    ],
    [
      'delete asks and fails on a missing stack by default',
      ['delete', '--stack-name', 's'],
      { stackName: 's', confirm: true, ignoreMissing: false, region: undefined },
    ],
    [
      'delete --no-confirm --ignore-missing',
      ['delete', '--stack-name', 's', '--no-confirm', '--ignore-missing', '--region', 'r'],
      { stackName: 's', confirm: false, ignoreMissing: true, region: 'r' },
    ],
    ['outputs as a table', ['outputs', '--stack-name', 's'], { stackName: 's', json: false }],
    [
      'outputs as JSON',
      ['outputs', '--stack-name', 's', '--json', '--profile', 'p'],
      { json: true, profile: 'p' },
    ],
  ])('%s', (_name, argv, expected) => {
    expect(parse(argv)).toMatchObject(expected);
  });

  it('fails when a pair has no "=", as a usage error', () => {
    expect(() => parse(['deploy', 'app', '--tags', 'team'])).toThrow(
      expect.objectContaining({ exitCode: 2, message: '--tags: expected Key=Value, got "team"' }),
    );
  });

  it('requires --stack-name for delete and outputs', () => {
    expect(() => parse(['delete'])).toThrow(/required option '--stack-name <name>'/);
    expect(() => parse(['outputs'])).toThrow(/required option '--stack-name <name>'/);
  });
});

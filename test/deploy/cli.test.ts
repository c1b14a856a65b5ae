/** `wskit deploy` as a real process on a machine with no AWS setup: one line, the right exit code, no trace. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wskit } from '../helpers/cli';
import { FIXTURE_FILES, removeApp, writeApp } from './fixture-app';

let home: string;
let appDir: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'wskit-home-'));
  appDir = await writeApp({
    ...FIXTURE_FILES,
    'samconfig.toml': '[default.deploy.parameters]\nstack_name = "fixture"\nresolve_s3 = true\n',
  });
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
  await removeApp(appDir);
});

/** The environment without anything AWS, and a HOME with no ~/.aws. */
function run(args: string[], extraEnv: Record<string, string> = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
  return wskit(args, { env: { ...env, HOME: home, USERPROFILE: home, ...extraEnv } });
}

describe('wskit deploy without AWS setup', () => {
  it('says there is no region, in one line, exit 1', () => {
    const result = run(['deploy', appDir]);
    expect(result.stderr).toBe(
      'wskit: no AWS region: pass --region, set AWS_REGION, or add region to samconfig.toml\n',
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
  });

  it('says there are no credentials, in one line, exit 1', () => {
    const result = run(['deploy', appDir, '--region', 'eu-west-1']);
    expect(result.stderr).toMatch(
      /^wskit: no AWS credentials \(none found\): run aws configure .*--profile\n$/,
    );
    expect(result.status).toBe(1);
  });

  it('names the profile that has no credentials', () => {
    const result = run(['delete', '--stack-name', 'x', '--profile', 'work'], { AWS_REGION: 'eu-west-1' });
    expect(result.stderr).toMatch(/^wskit: no AWS credentials \(profile "work" has none\)/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.status).toBe(1);
  });

  it('reports a bad parameter override before looking for AWS at all', () => {
    const result = run(['deploy', appDir, '--parameter-overrides', 'nope']);
    expect(result.stderr).toBe('wskit: --parameter-overrides: expected Key=Value, got "nope"\n');
    expect(result.status).toBe(2);
  });

  it('reports a missing app folder', () => {
    const result = run(['deploy', join(appDir, 'missing')]);
    expect(result.stderr).toBe(`wskit: app folder ${join(appDir, 'missing')} not found\n`);
    expect(result.status).toBe(1);
  });
});

describe('wskit deploy checks the app before AWS', () => {
  it('rejects a parameter override the template does not declare, even with no AWS setup', () => {
    const result = run(['deploy', appDir, '--parameter-overrides', 'Stage=dev']);
    expect(result.stderr).toBe(
      'wskit: parameter override Stage does not match the template: its parameters are "StageName" or "EnableAccessLogs"\n',
    );
    expect(result.status).toBe(1);
  });
});

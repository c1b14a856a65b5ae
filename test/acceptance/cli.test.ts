/** The corpus through the `wskit` binary, as the acceptance run uses it: `wskit lint` on every app, `wskit local` on one. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalCli, startLocalCli, wskit } from '../helpers/cli';
import { copyApp } from '../local/helpers';
import { Client, templateOf } from './harness';

const APPS = readdirSync(join(__dirname, 'apps')).sort();

describe('acceptance: the wskit binary', () => {
  it('lints every app in one run: warnings, and one error, the runtime Lambda no longer creates (exit 6)', () => {
    const result = wskit(['lint', '--format', 'json', ...APPS.map(templateOf)]);
    const findings = JSON.parse(result.stdout) as { code: string; file: string }[];
    // sqs-worker pins nodejs20.x, whose creation Lambda blocks since 2026-08-31; nothing else is an error.
    const errors = findings.filter((f) => f.code.startsWith('E'));
    expect(errors.map((f) => `${f.code} ${f.file.split('/').at(-2)}`)).toEqual(['E2533 sqs-worker']);
    expect(findings.some((f) => f.code.startsWith('W'))).toBe(true);
    expect(result.status).toBe(6);
  });

  describe('wskit local', () => {
    let cli: LocalCli | undefined;
    afterAll(() => cli?.child.kill('SIGINT'));

    it('serves a service-integration app from its folder and stops on Ctrl-C', async () => {
      cli = startLocalCli([copyApp(join(__dirname, 'apps', 'dynamodb-direct')), '--port', '0']);
      const url = await cli.url;
      expect(url).toMatch(/\/v1$/);
      const client = await Client.connect(url);
      expect(JSON.parse(await client.request(JSON.stringify({ action: 'status' })))).toMatchObject({
        you: expect.any(String),
      });
      const { child } = cli;
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect((await client.closed).code).toBe(1001);
      expect(await exited).toBe(0);
    });
  });
});

/** `wskit local` as a user runs it: the built binary, its banner, a client, then Ctrl-C. */
import { type ChildProcess, spawn } from 'node:child_process';
import { packagePath } from '../../generator/paths';
import { expectOneLineError, wskit } from '../helpers/cli';
import { Client, sfnSyncAppDir } from './helpers';

function startCli(args: string[]): { child: ChildProcess; output: () => string; url: Promise<string> } {
  const child = spawn(process.execPath, [packagePath('bin', 'wskit.mjs'), 'local', ...args], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Try: wscat -c (\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', () => reject(new Error(`wskit local exited early:\n${output}`)));
  });
  return { child, output: () => output, url };
}

describe('wskit local (CLI)', () => {
  it('prints the URL, routes and a wscat line, serves, and stops cleanly on Ctrl-C', async () => {
    const { child, output, url } = startCli([sfnSyncAppDir(), '--port', '0', '--wait-scale', '0']);
    const client = await Client.connect(await url);
    expect(output()).toMatch(/\$default\s+→ states:StartSyncExecution \(two-way\)/);
    expect(output()).toMatch(
      /@connections\s+→ http:\/\/127\.0\.0\.1:\d+\/api\/@connections\/\{connectionId\}/,
    );
    expect(output()).toMatch(
      /SDK endpoint\s+→ http:\/\/127\.0\.0\.1:\d+ \(Step Functions and Lambda APIs for handlers\)/,
    );
    expect(JSON.parse(await client.request('{"first_name": "Jane"}')).status).toBe('SUCCEEDED');

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect((await client.closed).code).toBe(1001);
    expect(await exited).toBe(0);
    expect(output()).toMatch(/ \$default aws 200 \d+ms/);
  });

  it('reports a missing app or a bad option on one line', () => {
    expectOneLineError(wskit(['local', '/nonexistent/app']), 2, /^wskit: \/nonexistent\/app does not exist$/);
    expectOneLineError(
      wskit(['local', '.', '--port', 'abc']),
      2,
      /^wskit: --port "abc": expected a whole number/,
    );
  });
});

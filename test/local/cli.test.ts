/** `wskit local` as a user runs it: the built binary, its banner, a client, then Ctrl-C. */
import { expectOneLineError, startLocalCli, wskit } from '../helpers/cli';
import { Client, sfnSyncAppDir } from './helpers';

describe('wskit local (CLI)', () => {
  it('prints the URL, routes and a wscat line, serves, and stops cleanly on Ctrl-C', async () => {
    const { child, output, url } = startLocalCli([sfnSyncAppDir(), '--port', '0', '--wait-scale', '0']);
    const client = await Client.connect(await url);
    expect(output()).toMatch(/\$default\s+→ states:StartSyncExecution \(two-way\)/);
    expect(output()).toMatch(
      /@connections\s+→ http:\/\/127\.0\.0\.1:\d+\/api\/@connections\/\{connectionId\}/,
    );
    expect(output()).toMatch(
      /SDK endpoint\s+→ http:\/\/127\.0\.0\.1:\d+ \(Step Functions and Lambda APIs for handlers\)/,
    );
    expect(JSON.parse(await client.request('{"first_name": "Jane"}')).status).toBe('SUCCEEDED');
    // --port 0: the console takes a free port too.
    const consoleUrl = /Console: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output())?.[1] as string;
    expect((await fetch(`${consoleUrl}api/connections`)).status).toBe(200);

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

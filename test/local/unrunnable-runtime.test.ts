/**
 * An app whose routes use runtimes that cannot run locally (Java, a custom runtime) beside a Node.js
 * route: the API starts, the banner names each such route and why, a message to one answers
 * `Internal server error` with the reason in the log, and the Node.js route keeps serving.
 */
import { join } from 'node:path';
import { banner } from '../../generator/cli/commands/local';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { Client } from './helpers';

const FIXTURE = join(__dirname, 'fixtures', 'mixed-runtimes-app');

describe('wskit local: functions whose runtime cannot run here', () => {
  let server: LocalServer;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startLocal({ appDir: FIXTURE, port: 0, log: (line) => logs.push(line) });
  });
  afterAll(() => server.close());

  it('starts the API, and the banner lists each route that cannot run and why', () => {
    const lines = banner(server.app, server.url);
    const from = lines.indexOf('  cannot run here (these routes answer Internal server error):');
    expect(from).toBeGreaterThan(0);
    expect(lines.slice(from + 1, from + 3)).toEqual([
      expect.stringMatching(
        /^ {4}report +ReportFunction: java21 does not run in wskit local \(it runs nodejs\* and python3\.\* functions\)$/,
      ),
      expect.stringMatching(/^ {4}resize +ResizeFunction: provided\.al2023 does not run in wskit local/),
    ]);
  });

  it('answers Internal server error on such a route, logs why, and serves the others', async () => {
    const client = await Client.connect(server.url);
    const reply = JSON.parse(await client.request('{"action": "report"}'));
    expect(reply).toEqual({
      message: 'Internal server error',
      connectionId: expect.any(String),
      requestId: expect.any(String),
    });
    expect(logs).toContainEqual(
      expect.stringContaining(
        'ReportFunction failed: Runtime.Unavailable: java21 does not run in wskit local',
      ),
    );
    expect(await client.request('{"action": "hello"}')).toBe('echo: {"action": "hello"}');
    await client.close();
  });
});

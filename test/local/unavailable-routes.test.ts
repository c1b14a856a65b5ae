/**
 * Routes whose integrations nothing local serves (a Kinesis action, an HTTP backend, a function of
 * another stack) fail alone, as a broken integration does on AWS: the rest of the API runs, each
 * call answers `Internal server error` with the reason in the log, and the banner says why.
 */
import { join } from 'node:path';
import { banner } from '../../generator/cli/commands/local';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { Client } from './helpers';

const APP = join(__dirname, 'fixtures', 'mixed-app');

describe('wskit local: routes that cannot run locally', () => {
  let server: LocalServer;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startLocal({ appDir: APP, port: 0, log: (line) => logs.push(line) });
  });
  afterAll(() => server.close());

  it('starts, and the banner lists each route that cannot run and why', () => {
    const lines = banner(server.app, server.url);
    const line = (key: string) => lines.find((l) => l.startsWith(`  ${key} `)) ?? '';
    expect(line('$connect')).toContain('MOCK');
    expect(line('$default')).toContain('Lambda EchoFunction');
    expect(line('record')).toMatch(
      /cannot run locally .*kinesis:PutRecord: no local service runs this action/,
    );
    expect(line('forward')).toMatch(
      /cannot run locally .*HTTP_PROXY integrations to https:\/\/backend\.example\.com/,
    );
    expect(line('shared')).toMatch(
      /cannot run locally .*function arn:aws:lambda:us-east-1:123456789012:function:shared-audit is not/,
    );
  });

  it('answers Internal server error on those routes, logs why, and keeps serving the others', async () => {
    const client = await Client.connect(server.url);
    for (const action of ['record', 'forward', 'shared']) {
      const reply = JSON.parse(await client.request(JSON.stringify({ action })));
      expect(reply).toEqual({
        message: 'Internal server error',
        connectionId: expect.any(String),
        requestId: expect.any(String),
      });
    }
    expect(logs.some((line) => line.includes('record cannot run locally: kinesis:PutRecord'))).toBe(true);
    expect(await client.request('hi')).toBe('echo: hi');
    await client.close();
  });
});

describe('wskit local: a $connect route that cannot run', () => {
  it('refuses the handshake and logs why, as a failing $connect integration does', async () => {
    const logs: string[] = [];
    const server = await startLocal({
      appDir: APP,
      port: 0,
      parameterOverrides: { ConnectKind: 'KINESIS' },
      log: (line) => logs.push(line),
    });
    try {
      await expect(Client.connect(server.url)).rejects.toMatchObject({ status: 502 });
      expect(logs.some((line) => line.includes('$connect cannot run locally: kinesis:PutRecord'))).toBe(true);
    } finally {
      await server.close();
    }
  });
});

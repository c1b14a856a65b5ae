/**
 * Only the developer gets in: a web page open in the browser (a foreign Origin) or a DNS-rebound
 * name (a foreign Host) gets 403 on the handshake and on the @connections API, with one log line.
 */
import { request } from 'node:http';
import { hostname } from 'node:os';
import { type LocalServer, type StartLocalOptions, startLocal } from '../../generator/local/start-local';
import type { Template } from '../../generator/template/types';
import { Client, websocketApi, writeApp } from './helpers';

/** One MOCK route and nothing else: the handshake itself is under test. */
const MOCK_APP: Template = {
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    ...websocketApi('guarded', 'dev'),
    DefaultRoute: {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: { Ref: 'Api' },
        RouteKey: '$default',
        Target: { 'Fn::Sub': 'integrations/${Mock}' },
      },
    },
    Mock: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: { Ref: 'Api' },
        IntegrationType: 'MOCK',
        RequestTemplates: { $default: '{"statusCode": 200}' },
      },
    },
  },
};

const appDir = writeApp(MOCK_APP);

async function start(
  options: Partial<StartLocalOptions> = {},
): Promise<{ server: LocalServer; log: string[] }> {
  const log: string[] = [];
  const server = await startLocal({ appDir, port: 0, log: (line) => log.push(line), ...options });
  return { server, log };
}

/** The handshake's outcome: 'open', or the HTTP status it was answered with. */
async function handshake(url: string, headers: Record<string, string>): Promise<'open' | number> {
  try {
    const client = await Client.connect(url, { headers });
    await client.close();
    return 'open';
  } catch (error) {
    return (error as { status?: number }).status ?? -1;
  }
}

/** A GET of `/dev/@connections/nobody` with these headers: 410 when let in (no such connection), 403 when refused. */
function getConnection(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/dev/@connections/nobody', headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? -1);
    })
      .on('error', reject)
      .end();
  });
}

describe('wskit local: only the developer gets in', () => {
  let server: LocalServer;
  let log: string[];
  beforeAll(async () => {
    ({ server, log } = await start());
  });
  afterAll(() => server.close());

  it('opens a handshake with no Origin, as CLI and SDK clients send', async () => {
    expect(await handshake(server.url, {})).toBe('open');
  });

  it.each([
    'http://localhost:5173',
    'https://localhost',
    'http://app.localhost:8080',
    'http://127.0.0.1:3000',
    'http://127.0.0.2',
    'http://[::1]:4200',
  ])('opens a handshake from the loopback origin %s', async (origin) => {
    expect(await handshake(server.url, { Origin: origin })).toBe('open');
  });

  it.each([
    'https://evil.example',
    'null',
    'http://localhost.evil.example',
    'file://',
    'http://10.0.0.1:3001',
  ])('refuses a handshake from the origin %s with 403 and one log line naming it', async (origin) => {
    expect(await handshake(server.url, { Origin: origin })).toBe(403);
    expect(log.filter((line) => line.includes(`Origin ${JSON.stringify(origin)}`))).toHaveLength(1);
  });

  it('refuses a DNS-rebound Host on the handshake and on @connections', async () => {
    const rebound = `attacker.example:${server.port}`;
    expect(await handshake(server.url, { Host: rebound })).toBe(403);
    expect(await getConnection(server.port, { Host: rebound })).toBe(403);
    expect(log.filter((line) => line.includes(`Host ${JSON.stringify(rebound)}`))).toHaveLength(2);
  });

  it.each(['localhost', 'api.localhost', '127.0.0.1', '[::1]', '192.168.1.20'])(
    'lets the Host %s reach @connections (names that cannot be rebound)',
    async (name) => {
      expect(await getConnection(server.port, { Host: `${name}:${server.port}` })).toBe(410);
    },
  );

  it('refuses a browser page calling @connections from a foreign origin', async () => {
    expect(await getConnection(server.port, { Origin: 'https://evil.example' })).toBe(403);
    expect(await getConnection(server.port, { Origin: `http://localhost:${server.port}` })).toBe(410);
  });
});

describe('wskit local: allowing more', () => {
  it('opens handshakes from the origins allowOrigins names, and only those', async () => {
    const { server } = await start({ allowOrigins: ['https://App.example.com:443'] });
    try {
      expect(await handshake(server.url, { Origin: 'https://app.example.com' })).toBe('open');
      expect(await handshake(server.url, { Origin: 'https://other.example.com' })).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('opens handshakes from any origin with *', async () => {
    const { server } = await start({ allowOrigins: ['*'] });
    try {
      expect(await handshake(server.url, { Origin: 'https://anything.example' })).toBe('open');
    } finally {
      await server.close();
    }
  });

  it('fails on an allowed origin that is not an origin', async () => {
    await expect(start({ allowOrigins: ['app.example.com/path'] })).rejects.toThrow(
      expect.objectContaining({
        code: 'E_LOCAL_ORIGIN',
        message: expect.stringContaining('app.example.com/path'),
      }),
    );
  });

  it('warns when --host binds beyond loopback, and then lets this machine be named', async () => {
    const { server, log } = await start({ host: '0.0.0.0' });
    try {
      expect(
        log.filter((line) => line.includes('warning: --host 0.0.0.0 listens beyond this machine')),
      ).toHaveLength(1);
      expect(await getConnection(server.port, { Host: `${hostname()}:${server.port}` })).toBe(410);
      expect(await getConnection(server.port, { Host: `attacker.example:${server.port}` })).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('prints no warning on loopback', async () => {
    const { server, log } = await start({ host: 'localhost' });
    await server.close();
    expect(log.filter((line) => line.includes('warning'))).toEqual([]);
  });
});

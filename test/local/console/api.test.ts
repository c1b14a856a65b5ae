/**
 * The console's JSON API and live channel, as a script would use them: the same access rules as the
 * API (loopback Host and Origin unless widened), the event history that the log lines also come
 * from, disconnect and post, clients opened with chosen headers, and the server-sent stream.
 */
import { createServer, get, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logLine } from '../../../generator/local/events/log-lines';
import type { LocalEvent } from '../../../generator/local/events/types';
import { type LocalServer, startLocal } from '../../../generator/local/start-local';
import { Client, eventually, lambdaAppDir, sfnSyncAppDir } from '../helpers';

/** A request with the headers a browser (or an attacker's page) would send. */
function call(url: string, headers: Record<string, string>, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const events = async (server: LocalServer) =>
  (await (await fetch(`${server.consoleUrl}api/events`)).json()) as (LocalEvent & { seq: number })[];

describe('local console API: the lambda app', () => {
  let server: LocalServer;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startLocal({
      appDir: await lambdaAppDir(),
      port: 0,
      console: { port: 0, historySize: 500 },
      log: (line) => lines.push(line.slice(13)), // without the time stamp
    });
  });
  afterAll(() => server?.close());

  it('is served on its own port and refuses a foreign Origin or Host', async () => {
    const url = server.consoleUrl as string;
    expect(new URL(url).port).not.toBe(String(server.port));
    expect(await call(`${url}api/state`, {})).toBe(200);
    expect(await call(`${url}api/state`, { origin: 'http://localhost:5173' })).toBe(200);
    expect(await call(`${url}api/state`, { origin: 'https://evil.example' })).toBe(403);
    expect(await call(`${url}`, { origin: 'https://evil.example' })).toBe(403);
    expect(await call(`${url}api/stream`, { origin: 'https://evil.example' })).toBe(403);
    expect(await call(`${url}api/connections/x`, { origin: 'https://evil.example' }, 'DELETE')).toBe(403);
    expect(await call(`${url}api/state`, { host: 'evil.example' })).toBe(403);
  });

  it('serves the page with a policy that lets it load nothing from elsewhere', async () => {
    const page = await fetch(server.consoleUrl as string);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<script type="module" src="/app.js">');
    const script = await (await fetch(`${server.consoleUrl}app.js`)).text();
    expect(script).not.toMatch(
      /https?:\/\/(?!127\.0\.0\.1|localhost)[a-z0-9.-]+\.[a-z]{2,}\/[^\s"'`]*\.(?:js|css|woff2?|png|svg)/i,
    );
  });

  it('records what happened, and the log lines are those events', async () => {
    const client = await Client.connect(server.url);
    const reply = await client.request('{"action":"ping"}');
    await client.close();
    await eventually(async () => (await events(server)).some((e) => e.type === 'connection.close'));
    const history = await events(server);
    const types = history.map((event) => event.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'connection.open',
        'frame.in',
        'route',
        'function.run',
        'frame.out',
        'connection.close',
      ]),
    );
    const route = history.find((event) => event.type === 'route');
    expect(route).toMatchObject({ routeKey: '$default', integration: 'lambda', status: 200 });
    const frameIn = history.find((event) => event.type === 'frame.in');
    expect(frameIn).toMatchObject({ body: '{"action":"ping"}', size: 17 });
    expect(history.find((event) => event.type === 'frame.out')).toMatchObject({
      body: reply,
      source: 'route',
    });
    // Every line printed for these events is the event's own log form, in the same order.
    const fromEvents = history.map(logLine).filter((line): line is string => line !== undefined);
    expect(lines.filter((line) => fromEvents.includes(line))).toEqual(fromEvents);
    expect(fromEvents.length).toBeGreaterThanOrEqual(3);
  });

  it('posts to a connection and disconnects it, as @connections would', async () => {
    const client = await Client.connect(server.url);
    const open = (await (await fetch(`${server.consoleUrl}api/connections`)).json()) as {
      id: string;
      closed?: object;
    }[];
    const id = open.filter((c) => !c.closed).map((c) => c.id)[0] as string;
    const posted = await fetch(`${server.consoleUrl}api/connections/${encodeURIComponent(id)}`, {
      method: 'POST',
      body: 'from a script',
    });
    expect(posted.status).toBe(200);
    expect(await client.next()).toBe('from a script');
    const deleted = await fetch(`${server.consoleUrl}api/connections/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(204);
    expect(await client.closed).toEqual({ code: 1000, reason: 'Goodbye' });
    const gone = await fetch(`${server.consoleUrl}api/connections/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
    expect(gone.status).toBe(410);
  });

  it('opens a client with chosen headers and sends its frames', async () => {
    const opened = (await (
      await fetch(`${server.consoleUrl}api/clients`, {
        method: 'POST',
        body: JSON.stringify({ query: { room: 'red' }, headers: { 'X-Trace': 't-1' } }),
      })
    ).json()) as { clientId: string; status: number };
    expect(opened.status).toBe(101);
    const sent = await fetch(`${server.consoleUrl}api/clients/${opened.clientId}/frames`, {
      method: 'POST',
      body: '{"action":"ping"}',
    });
    expect(sent.status).toBe(200);
    await eventually(async () => {
      const state = (await (await fetch(`${server.consoleUrl}api/connections`)).json()) as {
        query: Record<string, string>;
        headers: Record<string, string>;
        framesIn: number;
      }[];
      return state.some((c) => c.query.room === 'red' && c.headers['X-Trace'] === 't-1' && c.framesIn === 1);
    });
    expect(
      (await fetch(`${server.consoleUrl}api/clients/${opened.clientId}`, { method: 'DELETE' })).status,
    ).toBe(204);
  });

  it('streams events to a live client', async () => {
    const received: string[] = [];
    const stream = get(`${server.consoleUrl}api/stream`, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => received.push(chunk));
    });
    try {
      await eventually(async () => received.join('').includes('event: hello'));
      const client = await Client.connect(server.url);
      await client.request('{"action":"ping"}');
      await client.close();
      expect(await eventually(async () => received.join('').includes('"type":"route"'))).toBe(true);
      const batch = received
        .join('')
        .split('\n\n')
        .find((message) => message.startsWith('event: events'));
      expect(JSON.parse((batch as string).slice('event: events\ndata: '.length))[0]).toHaveProperty('seq');
    } finally {
      stream.destroy();
    }
  });
});

describe('local console API: options', () => {
  it('reports a console port in use and runs the API without it', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const lines: string[] = [];
    const port = (taken.address() as AddressInfo).port;
    const server = await startLocal({
      appDir: sfnSyncAppDir(),
      port: 0,
      waitScale: 0,
      console: { port },
      log: (l) => lines.push(l),
    });
    try {
      expect(server.consoleUrl).toBeUndefined();
      expect(lines.join('\n')).toMatch(
        /warning: the console did not start: its port is in use \(choose one with --console-port\)/,
      );
      const client = await Client.connect(server.url);
      expect(JSON.parse(await client.request('{}')).status).toBe('SUCCEEDED');
      await client.close();
    } finally {
      await server.close();
      taken.close();
    }
  });

  it('refuses a history size that is not a positive whole number', async () => {
    await expect(
      startLocal({ appDir: sfnSyncAppDir(), port: 0, console: { port: 0, historySize: 0 } }),
    ).rejects.toMatchObject({ code: 'E_LOCAL_CONSOLE', path: 'console.historySize' });
  });

  it('runs only when asked, on the port given', async () => {
    const plain = await startLocal({ appDir: sfnSyncAppDir(), port: 0 });
    expect(plain.consoleUrl).toBeUndefined();
    await plain.close();
    const server = await startLocal({
      appDir: sfnSyncAppDir(),
      port: 0,
      allowOrigins: ['https://app.example.com'],
      console: { port: 0 },
    });
    try {
      const url = `${server.consoleUrl}api/app`;
      expect(await call(url, { origin: 'https://app.example.com' })).toBe(200);
      expect(await call(url, { origin: 'https://other.example.com' })).toBe(403);
      const app = (await (await fetch(url)).json()) as {
        routes: { routeKey: string }[];
        stateMachines: unknown[];
      };
      expect(app.routes.map((route) => route.routeKey)).toContain('$default');
      expect(app.stateMachines).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

/**
 * A page of another site cannot use the console, in a real browser: a DNS name re-pointed at this
 * machine (rebinding) gets 403 for the console's own page, and a foreign page's script can neither
 * read the JSON API, nor follow the live channel, nor open a WebSocket to the API.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { type LocalServer, startLocal } from '../../../generator/local/start-local';
import { sfnSyncAppDir } from '../helpers';
import { CHROMIUM, describeInBrowser } from './browser';

describeInBrowser('local console: a foreign origin', () => {
  let server: LocalServer;
  let foreign: Server;
  let browser: Browser;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startLocal({
      appDir: sfnSyncAppDir(),
      port: 0,
      waitScale: 0,
      console: { port: 0 },
      log: (line) => lines.push(line),
    });
    // The attacker's site: any page, served here under a name that resolves to this machine.
    foreign = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<p>elsewhere</p>'),
    );
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--host-resolver-rules=MAP evil.example 127.0.0.1'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    foreign?.close();
    await server?.close();
  });

  it('refuses a rebound Host, and a foreign page reading the API, the stream or the WebSocket', async () => {
    const consolePort = new URL(server.consoleUrl as string).port;
    const page = await browser.newPage();
    const rebound = await page.goto(`http://evil.example:${consolePort}/`);
    expect(rebound?.status()).toBe(403);

    await page.goto(`http://evil.example:${(foreign.address() as AddressInfo).port}/`);
    const outcome = await page.evaluate(
      async ({ api, stream, ws }) => {
        const fetched = await fetch(api, { mode: 'no-cors' }).then(
          (response) => `opaque:${response.type}`,
          () => 'failed',
        );
        const read = await fetch(api).then(
          (response) => response.text(),
          () => 'failed',
        );
        const streamed = await new Promise<string>((resolve) => {
          const source = new EventSource(stream);
          source.onopen = () => resolve('open');
          source.onerror = () => {
            source.close();
            resolve('error');
          };
        });
        const socket = await new Promise<string>((resolve) => {
          const client = new WebSocket(ws);
          client.onopen = () => resolve('open');
          client.onerror = () => resolve('error');
        });
        return { fetched, read, streamed, socket };
      },
      { api: `${server.consoleUrl}api/state`, stream: `${server.consoleUrl}api/stream`, ws: server.url },
    );
    // The page learns nothing (an opaque answer, failures), and it is the server that said no.
    expect(outcome).toEqual({ fetched: 'opaque:opaque', read: 'failed', streamed: 'error', socket: 'error' });
    const origin = `Origin "http://evil.example:${(foreign.address() as AddressInfo).port}" is not loopback`;
    const refused = lines
      .filter((line) => line.includes(origin))
      .map((line) => line.split(' ').slice(1, 4).join(' '));
    expect(refused).toEqual(
      expect.arrayContaining([
        'console GET /api/state',
        'console GET /api/stream',
        'handshake refused: Origin',
      ]),
    );
    expect(lines.join('\n')).toContain('console GET / refused: Host "evil.example:');
    await page.close();
  });
});

/**
 * The local console: a page and its JSON API on a port of their own, fed by the emulator's event
 * bus. It keeps the last events in a ring (bounded memory) and folds them into the views the page
 * shows (state.ts). It follows the API's own access rules: a loopback Host and Origin only, unless
 * `--host` or `--allow-origin` widen them. Its page and scripts are files of wskit's own build: the
 * browser fetches nothing from anywhere else (a Content-Security-Policy says so).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ConnectionRegistry } from '../connections/registry';
import type { EventBus } from '../events/bus';
import { EventRing } from '../events/ring';
import type { Logger } from '../log';
import type { AccessPolicy } from '../server/access';
import { checkAccess } from '../server/access';
import type { LocalApp } from '../types';
import { urlHost } from '../url-host';
import { type ApiContext, handleApi } from './api';
import { ConsoleClients } from './clients';
import { guardDetail } from './load-guard';
import { CONSOLE_DEFAULTS, type ConsoleOptions } from './options';
import { applyEvent, emptyState, isRunEvent } from './state';
import { LiveChannel } from './stream';

export interface ConsoleDeps {
  readonly host: string;
  readonly access: AccessPolicy;
  readonly events: EventBus;
  /** Where a refused request is reported, as the API reports its own. */
  readonly log: Logger;
  readonly registry: ConnectionRegistry;
  readonly app: () => LocalApp;
  readonly describe: () => unknown;
  /** `ws://...` of the API, for the clients the console opens. */
  readonly apiUrl: string;
  readonly dynamoEndpoint?: string;
  /** Folder of the built page (index.html, app.js, app.css). */
  readonly assetsDir: string;
}

export interface RunningConsole {
  /** `http://<host>:<port>/` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const ASSETS: Readonly<Record<string, readonly [string, string]>> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/app.css': ['app.css', 'text/css; charset=utf-8'],
};

/** Nothing but this server: scripts, styles, images and connections (ws to the API's loopback port). */
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self' ws://127.0.0.1:* ws://localhost:* ws://[::1]:*; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export async function startConsole(deps: ConsoleDeps, options: ConsoleOptions = {}): Promise<RunningConsole> {
  const {
    port = CONSOLE_DEFAULTS.port,
    historySize = CONSOLE_DEFAULTS.historySize,
    liveEventsPerSecond = CONSOLE_DEFAULTS.liveEventsPerSecond,
    detailEventsPerSecond = CONSOLE_DEFAULTS.detailEventsPerSecond,
  } = options;
  const ring = new EventRing(historySize);
  const state = emptyState();
  const maxString = CONSOLE_DEFAULTS.maxString;
  const live = new LiveChannel({ perSecond: liveEventsPerSecond, maxString });
  const guard = guardDetail(deps.events, detailEventsPerSecond, (paused) =>
    live.notice('detail', { paused }),
  );
  const unsubscribe = deps.events.on(
    (event) => {
      const kept = guard.count();
      if (!isRunEvent(event)) applyEvent(state, event);
      if (!kept) {
        live.skip();
        return;
      }
      const seq = ring.push(event);
      if (live.size > 0) live.push(seq, event);
    },
    { detailed: true },
  );
  const ctx: ApiContext = {
    app: deps.app,
    describe: deps.describe,
    state,
    ring,
    registry: deps.registry,
    events: deps.events,
    ...(deps.dynamoEndpoint ? { dynamoEndpoint: deps.dynamoEndpoint } : {}),
    maxString,
    clients: new ConsoleClients(() => deps.apiUrl),
  };
  const server = createServer((request, response) => {
    handle(deps, ctx, live, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: (error as Error).message }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, deps.host, () => resolve());
  }).catch((error: unknown) => {
    unsubscribe();
    guard.stop();
    throw error;
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${urlHost(deps.host)}:${actual}/`,
    port: actual,
    close: async () => {
      unsubscribe();
      guard.stop();
      ctx.clients.closeAll();
      live.close();
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function handle(
  deps: ConsoleDeps,
  ctx: ApiContext,
  live: LiveChannel,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const refusal = checkAccess(request, deps.access);
  if (refusal) {
    deps.log.line(`console ${request.method} ${request.url} ${refusal}`);
    response.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ message: refusal }));
    return;
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/stream' && request.method === 'GET') {
    live.open(response, ctx.ring.nextSeq);
    return;
  }
  if (await handleApi(ctx, request, response, url)) return;
  const asset = request.method === 'GET' ? ASSETS[url.pathname] : undefined;
  if (!asset) {
    response
      .writeHead(404, { 'content-type': 'application/json' })
      .end(JSON.stringify({ message: 'Not Found' }));
    return;
  }
  let body: Buffer;
  try {
    body = readFileSync(join(deps.assetsDir, asset[0]));
  } catch {
    response
      .writeHead(503, { 'content-type': 'text/plain' })
      .end(`The console's page is not built (${join(deps.assetsDir, asset[0])}): run npm run build.`);
    return;
  }
  response.writeHead(200, {
    'content-type': asset[1],
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  response.end(body);
}

/**
 * The console's JSON API, small enough to script with curl: what runs (the API, connections, runs,
 * executions, queues, tables and their items, recent events) and two actions a backend has,
 * disconnect (`DELETE`) and post (`POST`), which go through the same code as `@connections`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connectionsCall } from '../connections/management-api';
import type { ConnectionRegistry } from '../connections/registry';
import type { EventBus } from '../events/bus';
import type { EventRing } from '../events/ring';
import type { LocalApp } from '../types';
import type { ConsoleClients } from './clients';
import { type ConsoleState, withRuns } from './state';
import { eventJson } from './stream';

export interface ApiContext {
  readonly app: () => LocalApp;
  readonly describe: () => unknown;
  readonly state: ConsoleState;
  readonly ring: EventRing;
  readonly registry: ConnectionRegistry;
  readonly events: EventBus;
  readonly dynamoEndpoint?: string;
  readonly maxString: number;
  readonly clients: ConsoleClients;
}

const MAX_BODY_BYTES = 128 * 1024;

/** Answers `/api/...`; false when the path is not one of the API's. */
export async function handleApi(
  ctx: ApiContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<boolean> {
  const method = request.method ?? 'GET';
  const path = url.pathname;
  const connection = /^\/api\/connections\/([^/]+)$/.exec(path);
  if (connection && (method === 'DELETE' || method === 'POST')) {
    const id = decodeURIComponent(connection[1] as string);
    const data = method === 'POST' ? await readBody(request) : null;
    const answer = connectionsCall(ctx.registry, ctx.events, method, id, data);
    json(response, answer.status, answer.body ?? {});
    return true;
  }
  if (path.startsWith('/api/clients')) return handleClients(ctx, method, path, request, response);
  const table = /^\/api\/tables\/([^/]+)\/items$/.exec(path);
  if (table && method === 'GET') {
    await tableItems(ctx, decodeURIComponent(table[1] as string), response);
    return true;
  }
  if (method !== 'GET') return false;
  const { state } = ctx;
  switch (path) {
    case '/api/app':
      json(response, 200, ctx.describe());
      return true;
    case '/api/state':
      // `nextSeq`: the first event this snapshot does not include, for clients that follow the stream.
      json(response, 200, {
        nextSeq: ctx.ring.nextSeq,
        detailPaused: ctx.events.detailIsPaused,
        ...snapshot(ctx),
      });
      return true;
    case '/api/connections':
      json(response, 200, Object.values(state.connections));
      return true;
    case '/api/runs':
      json(response, 200, Object.values(snapshot(ctx).runs));
      return true;
    case '/api/executions':
      json(response, 200, Object.values(state.executions));
      return true;
    case '/api/queues':
      json(response, 200, state.queues);
      return true;
    case '/api/tables':
      json(
        response,
        200,
        ctx.app().tables.map(({ id, name }) => ({ id, name })),
      );
      return true;
    case '/api/events': {
      const since = Number(url.searchParams.get('since') ?? 0) || 0;
      const items = ctx.ring.since(since).map(({ seq, event }) => eventJson(seq, event, ctx.maxString));
      response.writeHead(200, { 'content-type': 'application/json' }).end(`[${items.join(',')}]`);
      return true;
    }
    default:
      return false;
  }
}

/** `POST /api/clients` opens one (`{query, headers}`), `POST .../{id}/frames` sends, `DELETE .../{id}` closes. */
async function handleClients(
  ctx: ApiContext,
  method: string,
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  if (path === '/api/clients' && method === 'POST') {
    const { query = {}, headers = {} } = parseObject(await readBody(request)) as {
      query?: Record<string, string>;
      headers?: Record<string, string>;
    };
    json(response, 200, await ctx.clients.open(strings(query), strings(headers)));
    return true;
  }
  const frames = /^\/api\/clients\/([^/]+)\/frames$/.exec(path);
  if (frames && method === 'POST') {
    const sent = ctx.clients.send(frames[1] as string, (await readBody(request)) ?? '');
    json(response, sent ? 200 : 410, sent ? {} : { message: 'no such open client' });
    return true;
  }
  const client = /^\/api\/clients\/([^/]+)$/.exec(path);
  if (client && method === 'DELETE') {
    const closed = ctx.clients.close(client[1] as string);
    json(response, closed ? 204 : 410, closed ? {} : { message: 'no such open client' });
    return true;
  }
  return false;
}

function parseObject(text: string | null): Record<string, unknown> {
  try {
    const value = JSON.parse(text ?? '{}') as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const strings = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).map(([name, value]) => [name, String(value)]));

/** The views, with function runs folded from the ring now (see `withRuns`). */
const snapshot = (ctx: ApiContext) =>
  withRuns(
    ctx.state,
    ctx.ring.since().map(({ event }) => event),
  );

/** A table's items (the first 500), read with a Scan from the local DynamoDB. */
async function tableItems(ctx: ApiContext, name: string, response: ServerResponse): Promise<void> {
  const table = ctx.app().tables.find((candidate) => candidate.name === name || candidate.id === name);
  if (!table || !ctx.dynamoEndpoint) {
    json(response, 404, { message: `no table ${name}` });
    return;
  }
  const [{ DynamoDBClient, ScanCommand }, { unmarshall }] = await Promise.all([
    import('@aws-sdk/client-dynamodb'),
    import('@aws-sdk/util-dynamodb'),
  ]);
  const client = new DynamoDBClient({
    endpoint: ctx.dynamoEndpoint,
    region: ctx.app().region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const scanned = await client.send(new ScanCommand({ TableName: table.name, Limit: 500 }));
    json(response, 200, { table: table.name, items: (scanned.Items ?? []).map((item) => unmarshall(item)) });
  } catch (error) {
    json(response, 500, { message: (error as Error).message });
  } finally {
    client.destroy();
  }
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

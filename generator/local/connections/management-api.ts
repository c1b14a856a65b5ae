/**
 * The `@connections` management API on the emulator's port: POST sends to a connection, GET
 * describes it, DELETE closes it; unknown ids get 410 GoneException like API Gateway. Requests are
 * SigV4-signed by the SDK; signatures are not checked here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from '../events/bus';
import type { Logger } from '../log';
import { MESSAGE_LIMIT_BYTES } from '../server/quotas';
import { sendToConnection } from './outbox';
import type { ConnectionRegistry } from './registry';

/** An endpoint given with a trailing slash (`.../stage/`) makes the SDK send `/stage//@connections/{id}`: AWS takes it. */
const PATH = /^(?:\/([^/]+))?\/+@connections\/([^/?]+)\/?(?:\?.*)?$/;

/** An answer of the API: status, error type (the `x-amzn-errortype` header) and JSON body, if any. */
export interface ConnectionsAnswer {
  readonly status: number;
  readonly errorType?: string;
  readonly body?: Record<string, unknown>;
}

/** The connection id a `[/<stage>]/@connections/{id}` path names, or undefined for any other path. */
function connectionIdOf(path: string): string | undefined {
  const match = PATH.exec(path);
  return match ? decodeURIComponent(match[2] as string) : undefined;
}

/** Handles the request when it is for `[/<stage>]/@connections/{id}`; returns false otherwise. */
export function handleManagementRequest(
  request: IncomingMessage,
  response: ServerResponse,
  registry: ConnectionRegistry,
  log: Logger,
): boolean {
  const id = connectionIdOf(request.url ?? '');
  if (id === undefined) return false;
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MESSAGE_LIMIT_BYTES) chunks.push(chunk);
  });
  request.on('end', () => {
    const method = request.method ?? 'GET';
    const data = size > MESSAGE_LIMIT_BYTES ? null : Buffer.concat(chunks).toString('utf8');
    const answer = connectionsCall(registry, log.events, method, id, data);
    response
      .writeHead(answer.status, {
        ...(answer.status !== 204 ? { 'content-type': 'application/json' } : {}),
        ...(answer.errorType ? { 'x-amzn-errortype': answer.errorType } : {}),
      })
      .end(answer.body ? JSON.stringify(answer.body) : undefined);
  });
  return true;
}

/**
 * One call of the API, told to the event stream (the log line, and the frame a POST sent): what the
 * HTTP endpoint and the console's own disconnect and post buttons both run.
 */
export function connectionsCall(
  registry: ConnectionRegistry,
  events: EventBus,
  method: string,
  id: string,
  data: string | null,
): ConnectionsAnswer {
  const answer = callConnections(registry, method, id, data);
  const at = Date.now();
  if (method === 'POST' && answer.status === 200 && data !== null && events.active) {
    events.emit({
      type: 'frame.out',
      at,
      connectionId: id,
      size: Buffer.byteLength(data),
      source: '@connections',
      ...(events.detailed ? { body: data } : {}),
    });
  }
  events.emit({ type: 'connections.api', at, method, connectionId: id, status: answer.status });
  return answer;
}

/** One call of the API; `data` is the POST body, null when it is over the 128 KB message limit. */
function callConnections(
  registry: ConnectionRegistry,
  method: string,
  id: string,
  data: string | null,
): ConnectionsAnswer {
  const connection = registry.get(id);
  if (!connection || connection.socket.readyState !== connection.socket.OPEN) {
    return { status: 410, errorType: 'GoneException', body: { message: null } };
  }
  switch (method) {
    case 'POST':
      if (data === null) {
        return {
          status: 413,
          errorType: 'PayloadTooLargeException',
          body: { message: 'Request entity too large' },
        };
      }
      sendToConnection(connection, data);
      connection.lastActiveAt = Date.now();
      return { status: 200 };
    case 'GET':
      return {
        status: 200,
        // The API's JSON names are lower camel case (what the SDKs read), with ISO 8601 times.
        body: {
          connectedAt: new Date(connection.connectedAt).toISOString(),
          identity: { sourceIp: connection.sourceIp, userAgent: connection.userAgent },
          lastActiveAt: new Date(connection.lastActiveAt).toISOString(),
        },
      };
    case 'DELETE':
      connection.socket.close(1000, 'Goodbye');
      return { status: 204 };
    default:
      return { status: 403, errorType: 'ForbiddenException', body: { message: 'Forbidden' } };
  }
}

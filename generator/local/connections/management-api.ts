/**
 * The `@connections` management API on the emulator's port: POST sends to a connection, GET
 * describes it, DELETE closes it; unknown ids get 410 GoneException like API Gateway. Requests are
 * SigV4-signed by the SDK; signatures are not checked here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log';
import { MESSAGE_LIMIT_BYTES } from '../server/quotas';
import { sendToConnection } from './outbox';
import type { ConnectionRegistry } from './registry';

/** An endpoint given with a trailing slash (`.../stage/`) makes the SDK send `/stage//@connections/{id}`: AWS takes it. */
const PATH = /^(?:\/([^/]+))?\/+@connections\/([^/?]+)\/?(?:\?.*)?$/;

/** Handles the request when it is for `[/<stage>]/@connections/{id}`; returns false otherwise. */
export function handleManagementRequest(
  request: IncomingMessage,
  response: ServerResponse,
  registry: ConnectionRegistry,
  log: Logger,
): boolean {
  const match = PATH.exec(request.url ?? '');
  if (!match) return false;
  const id = decodeURIComponent(match[2] as string);
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MESSAGE_LIMIT_BYTES) chunks.push(chunk);
  });
  request.on('end', () => {
    const status = answer(request.method ?? 'GET', id, Buffer.concat(chunks), size, registry, response);
    log.line(`@connections ${request.method} ${id} ${status}`);
  });
  return true;
}

function answer(
  method: string,
  id: string,
  body: Buffer,
  size: number,
  registry: ConnectionRegistry,
  response: ServerResponse,
): number {
  const connection = registry.get(id);
  if (!connection || connection.socket.readyState !== connection.socket.OPEN) {
    return sendError(response, 410, 'GoneException', null);
  }
  switch (method) {
    case 'POST':
      if (size > MESSAGE_LIMIT_BYTES)
        return sendError(response, 413, 'PayloadTooLargeException', 'Request entity too large');
      sendToConnection(connection, body.toString('utf8'));
      connection.lastActiveAt = Date.now();
      response.writeHead(200, { 'content-type': 'application/json' }).end();
      return 200;
    case 'GET':
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          ConnectedAt: new Date(connection.connectedAt).toISOString(),
          Identity: { SourceIp: connection.sourceIp, UserAgent: connection.userAgent },
          LastActiveAt: new Date(connection.lastActiveAt).toISOString(),
        }),
      );
      return 200;
    case 'DELETE':
      connection.socket.close(1000, 'Goodbye');
      response.writeHead(204).end();
      return 204;
    default:
      return sendError(response, 403, 'ForbiddenException', 'Forbidden');
  }
}

function sendError(response: ServerResponse, status: number, type: string, message: string | null): number {
  response
    .writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type })
    .end(JSON.stringify({ message }));
  return status;
}

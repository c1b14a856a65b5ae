/**
 * The handshake: `$connect` (and its authorizer) run before the upgrade completes, so a rejection
 * is an HTTP status the client sees, as on API Gateway. Accepted sockets are handed to `onOpen`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Connection } from '../connections/registry';
import { newGatewayId } from '../ids';
import { checkAccess } from './access';
import { authorize } from './authorizer';
import { checkConnectApiKey, checkIamHandshake } from './connect-checks';
import { runRoute } from './dispatch';
import type { HandshakeInfo, RequestInfo } from './events';
import type { Gateway } from './gateway';
import { answerProtocol, protocolOfHeaders } from './subprotocol';

/** `socket` is null when the client left while `$connect` ran: it still gets its `$disconnect`. */
export type OnOpen = (
  socket: WebSocket | null,
  connection: Omit<Connection, 'socket' | 'lastActiveAt'>,
  info: RequestInfo,
) => void;

export async function handleUpgrade(
  gw: Gateway,
  wss: WebSocketServer,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  onOpen: OnOpen,
): Promise<void> {
  socket.on('error', () => {}); // a client that drops mid-handshake must not crash the server
  const refusal = checkAccess(request, gw.access);
  if (refusal) {
    const at = Date.now();
    gw.log.events.emit({
      type: 'connection.refused',
      at,
      status: 403,
      by: 'access',
      reason: refusal,
      latencyMs: 0,
    });
    return reject(socket, 403, { message: 'Forbidden' });
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '' && path !== `/${gw.app.stage}`) return reject(socket, 403, { message: 'Forbidden' });

  const started = Date.now();
  const connection = {
    id: newGatewayId(),
    connectedAt: started,
    sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    userAgent: request.headers['user-agent'] ?? '',
  };
  const handshake = handshakeInfo(request, url, connection.sourceIp, started);
  const info: RequestInfo = {
    app: gw.app,
    connection,
    domainName: request.headers.host ?? 'localhost',
    routeKey: '$connect',
    eventType: 'CONNECT',
    requestId: newGatewayId(),
    epochMs: started,
  };
  const route = gw.app.routes.get('$connect');
  const iam = await checkIamHandshake(gw, route, request, url, connection.id);
  if (!iam.ok) {
    emitRefused(gw, connection.id, started, 403, 'AWS_IAM', handshake, undefined, iam.reason);
    return reject(socket, 403, { message: 'Forbidden' });
  }
  let authorizerContext: Record<string, unknown> | undefined;
  let usageIdentifierKey: string | undefined;
  if (route?.authorizer) {
    const decision = await authorize(route.authorizer, info, handshake, gw.services);
    if (!decision.allowed) {
      emitRefused(gw, connection.id, started, decision.status, 'authorizer', handshake);
      return reject(socket, decision.status, { message: STATUS_CODES[decision.status] ?? 'Forbidden' });
    }
    authorizerContext = decision.context;
    usageIdentifierKey = decision.usageIdentifierKey;
  }
  const apiKey = checkConnectApiKey(gw, route, handshake.headers, usageIdentifierKey, connection.id);
  if (!apiKey.ok) {
    emitRefused(gw, connection.id, started, 403, 'API key', handshake, undefined, apiKey.reason);
    return reject(socket, 403, { message: 'Forbidden' });
  }
  const accepted = {
    ...connection,
    ...(authorizerContext ? { authorizer: authorizerContext } : {}),
    ...(iam.value ? { identity: iam.value } : {}),
    ...(apiKey.value ? { apiKey: apiKey.value } : {}),
  };
  if (route) {
    const result = await runRoute(
      route,
      { ...info, connection: accepted },
      undefined,
      gw.services,
      handshake,
    );
    // A failed integration is 502; a timeout (504) and a refusal before the integration (415) keep theirs.
    const status =
      result.kind === 'error'
        ? result.status === 504 || result.status === 415
          ? result.status
          : 502
        : result.status;
    if (status < 200 || status > 299) {
      const integration = describe(route.integration.kind);
      emitRefused(gw, connection.id, started, status, '$connect', handshake, integration);
      return reject(socket, status, {
        message: result.kind === 'error' ? result.message : STATUS_CODES[status],
      });
    }
    if (result.kind === 'reply') answerProtocol(request, protocolOfHeaders(result.headers));
    emitOpen(gw, accepted, started, handshake, status, describe(route.integration.kind));
  } else {
    emitOpen(gw, accepted, started, handshake, 200);
  }
  if (socket.destroyed) {
    onOpen(null, accepted, info);
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => onOpen(ws, accepted, info));
}

export const describe = (kind: string) =>
  kind === 'lambda-proxy' ? 'lambda' : kind === 'none' ? '(no integration)' : kind;

function emitOpen(
  gw: Gateway,
  connection: Omit<Connection, 'socket' | 'lastActiveAt'>,
  started: number,
  handshake: HandshakeInfo,
  status: number,
  integration?: string,
): void {
  if (!gw.log.events.active) return;
  const at = Date.now();
  gw.log.events.emit({
    type: 'connection.open',
    at,
    connectionId: connection.id,
    sourceIp: connection.sourceIp,
    userAgent: connection.userAgent,
    handshake: summary(handshake),
    ...(connection.authorizer ? { authorizer: connection.authorizer } : {}),
    ...(integration ? { integration } : {}),
    status,
    latencyMs: at - started,
  });
}

function emitRefused(
  gw: Gateway,
  connectionId: string,
  started: number,
  status: number,
  by: 'AWS_IAM' | 'API key' | 'authorizer' | '$connect',
  handshake: HandshakeInfo,
  integration?: string,
  reason = STATUS_CODES[status] ?? 'Forbidden',
): void {
  if (!gw.log.events.active) return;
  const at = Date.now();
  gw.log.events.emit({
    type: 'connection.refused',
    at,
    connectionId,
    status,
    by,
    reason,
    ...(integration ? { integration } : {}),
    handshake: summary(handshake),
    latencyMs: at - started,
  });
}

const summary = (handshake: HandshakeInfo) => ({
  query: handshake.queryStringParameters ?? {},
  headers: handshake.headers,
});

function reject(socket: Duplex, status: number, body: unknown): void {
  if (socket.destroyed) return;
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

/**
 * Headers with their original spelling, and the query string, as the `$connect` event carries them:
 * the client's, then those API Gateway adds (gatewayHeaders).
 */
function handshakeInfo(request: IncomingMessage, url: URL, sourceIp: string, epochMs: number): HandshakeInfo {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  const added = gatewayHeaders(request, sourceIp, epochMs);
  const replaced = new Set(Object.keys(added).map((name) => name.toLowerCase()));
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i] as string;
    const value = request.rawHeaders[i + 1] as string;
    if (replaced.has(name.toLowerCase())) continue;
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value];
  }
  for (const [name, value] of Object.entries(added)) {
    headers[name] = value;
    multiValueHeaders[name] = [value];
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) {
    query[name] = value;
    multiQuery[name] = [...(multiQuery[name] ?? []), value];
  }
  const hasQuery = Object.keys(query).length > 0;
  return {
    headers,
    multiValueHeaders,
    ...(hasQuery ? { queryStringParameters: query, multiValueQueryStringParameters: multiQuery } : {}),
  };
}

/**
 * What API Gateway adds to every `$connect` request: a trace id, the client's address appended to
 * `X-Forwarded-For`, and the port and scheme the client reached, always 443 and https since clients
 * reach API Gateway over TLS. Authorizers that require `X-Forwarded-Proto` as an identity source,
 * and handlers that refuse anything but https, behave here as they do there.
 */
function gatewayHeaders(request: IncomingMessage, sourceIp: string, epochMs: number): Record<string, string> {
  const forwarded = request.headers['x-forwarded-for'];
  const seconds = Math.floor(epochMs / 1000)
    .toString(16)
    .padStart(8, '0');
  return {
    'X-Amzn-Trace-Id': `Root=1-${seconds}-${randomBytes(12).toString('hex')}`,
    'X-Forwarded-For': forwarded ? `${forwarded}, ${sourceIp}` : sourceIp,
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  };
}

/**
 * An open connection: quotas (frame and message size, idle and total time), messages routed to
 * their integrations with answers as API Gateway sends them, and `$disconnect` when it closes.
 */
import type { WebSocket } from 'ws';
import { sendToConnection } from '../connections/outbox';
import type { Connection } from '../connections/registry';
import { newGatewayId } from '../ids';
import { checkApiKey } from './api-key';
import { describe } from './connect';
import { runRoute } from './dispatch';
import type { RequestInfo } from './events';
import type { Gateway } from './gateway';
import { limitFrameSize } from './quotas';
import { routeKeyOf, selectRoute } from './route-selection';

export function openSession(
  gw: Gateway,
  socket: WebSocket | null,
  accepted: Omit<Connection, 'socket' | 'lastActiveAt'>,
  connectInfo: RequestInfo,
): void {
  if (!socket) {
    track(gw, disconnect(gw, connectInfo, 1006, 'Client left during $connect'));
    return;
  }
  const connection: Connection = { ...accepted, socket, lastActiveAt: Date.now() };
  gw.registry.add(connection);
  limitFrameSize(socket, gw.quotas.frameLimitBytes);
  // Traffic either way (messages in, @connections posts out) keeps a connection from being idle; the
  // timer looks at lastActiveAt when it fires rather than being reset on every message.
  const idleMs = gw.quotas.idleTimeoutMs;
  const checkIdle = () => {
    const quietMs = Date.now() - connection.lastActiveAt;
    if (quietMs >= idleMs) socket.close(1001, 'Going away');
    else idleTimer = setTimeout(checkIdle, idleMs - quietMs).unref();
  };
  let idleTimer = setTimeout(checkIdle, idleMs).unref();
  const lifetimeTimer = setTimeout(() => socket.close(1001, 'Going away'), gw.quotas.maxConnectionMs).unref();
  socket.on('error', () => {}); // protocol errors (1009, bad frames) close the socket; nothing else to do
  socket.on('message', (data, isBinary) => {
    connection.lastActiveAt = Date.now();
    if (isBinary) {
      // API Gateway does not take binary frames: it disconnects with 1003.
      gw.log.line(`${connection.id} binary frame: closing with 1003`);
      socket.close(1003, 'Binary frames are not supported');
      return;
    }
    const body = (data as Buffer).toString('utf8');
    if (gw.log.events.active) {
      gw.log.events.emit({
        type: 'frame.in',
        at: connection.lastActiveAt,
        connectionId: connection.id,
        size: (data as Buffer).length,
        ...(gw.log.events.detailed ? { body } : {}),
      });
    }
    void onMessage(gw, connection, connectInfo, body);
  });
  socket.on('close', (code, reason) => {
    clearTimeout(idleTimer);
    clearTimeout(lifetimeTimer);
    gw.registry.remove(connection.id);
    track(gw, disconnect(gw, { ...connectInfo, connection }, code, reason.toString() || closeReason(code)));
  });
}

async function onMessage(gw: Gateway, connection: Connection, connectInfo: RequestInfo, body: string) {
  const started = Date.now();
  const requestId = newGatewayId();
  const routeKey = selectRoute(gw.app.routeSelectionExpression, body, gw.app.routes);
  const events = gw.log.events;
  const send = (text: string, source: 'route' | 'error') => {
    sendToConnection(connection, text);
    if (events.active) emitFrameOut(gw, connection.id, text, source);
  };
  if (routeKey === undefined) {
    if (events.active) {
      events.emit({
        type: 'route',
        at: Date.now(),
        connectionId: connection.id,
        requestId,
        status: 403,
        latencyMs: 0,
      });
    }
    send(JSON.stringify({ message: 'Forbidden', connectionId: connection.id, requestId }), 'error');
    return;
  }
  const route = gw.app.routes.get(routeKey);
  if (!route) return;
  if (route.apiKeyRequired && !checkApiKey(gw.app.apiKeys, connection.apiKey).allowed) {
    if (events.active) {
      events.emit({
        type: 'route',
        at: Date.now(),
        connectionId: connection.id,
        requestId,
        routeKey,
        refused: 'the connection presented no valid API key',
        status: 403,
        latencyMs: 0,
      });
    }
    send(JSON.stringify({ message: 'Forbidden', connectionId: connection.id, requestId }), 'error');
    return;
  }
  const info: RequestInfo = {
    ...connectInfo,
    connection,
    routeKey,
    eventType: 'MESSAGE',
    requestId,
    messageId: newGatewayId(),
    epochMs: started,
  };
  let result: Awaited<ReturnType<typeof runRoute>>;
  try {
    result = await runRoute(route, info, body, gw.services);
  } catch (error) {
    gw.log.line(`${connection.id} ${routeKey}: ${(error as Error).stack ?? String(error)}`);
    result = { kind: 'error', status: 500, message: 'Internal server error' };
  }
  if (events.active) {
    const at = Date.now();
    const selection = events.detailed ? routeKeyOf(gw.app.routeSelectionExpression, body) : undefined;
    events.emit({
      type: 'route',
      at,
      connectionId: connection.id,
      requestId,
      routeKey,
      ...(selection !== undefined ? { selection } : {}),
      integration: describe(route.integration.kind),
      status: result.status,
      latencyMs: at - started,
    });
  }
  if (result.kind === 'error')
    send(JSON.stringify({ message: result.message, connectionId: connection.id, requestId }), 'error');
  else if (route.twoWay && result.body !== undefined) send(result.body, 'route');
}

function emitFrameOut(gw: Gateway, connectionId: string, text: string, source: 'route' | 'error'): void {
  gw.log.events.emit({
    type: 'frame.out',
    at: Date.now(),
    connectionId,
    size: Buffer.byteLength(text),
    source,
    ...(gw.log.events.detailed ? { body: text } : {}),
  });
}

async function disconnect(gw: Gateway, info: RequestInfo, code: number, reason: string): Promise<void> {
  const route = gw.app.routes.get('$disconnect');
  const started = Date.now();
  if (!route) {
    gw.log.events.emit({
      type: 'connection.close',
      at: started,
      connectionId: info.connection.id,
      code,
      reason,
      latencyMs: 0,
    });
    return;
  }
  const event = {
    ...info,
    routeKey: '$disconnect',
    eventType: 'DISCONNECT' as const,
    requestId: newGatewayId(),
    epochMs: started,
  };
  const result = await runRoute(route, event, undefined, gw.services, undefined, {
    disconnectStatusCode: code,
    disconnectReason: reason,
  }).catch(() => ({ status: 500 }));
  const at = Date.now();
  gw.log.events.emit({
    type: 'connection.close',
    at,
    connectionId: info.connection.id,
    code,
    reason,
    disconnect: { integration: describe(route.integration.kind), status: result.status },
    latencyMs: at - started,
  });
}

function track(gw: Gateway, work: Promise<unknown>): void {
  gw.pending.add(work);
  void work.finally(() => gw.pending.delete(work));
}

function closeReason(code: number): string {
  if (code === 1001) return 'Going away';
  if (code === 1009) return 'Message too big';
  return code === 1005 || code === 1006 ? 'Client closed the connection' : '';
}

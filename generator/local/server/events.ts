/** The events API Gateway sends to Lambda proxy integrations and authorizers, and `$context` for VTL. */
import type { Connection } from '../connections/registry';
import { requestTime } from '../ids';
import type { LocalApp } from '../types';

export type EventType = 'CONNECT' | 'MESSAGE' | 'DISCONNECT';

export interface RequestInfo {
  readonly app: LocalApp;
  readonly connection: Pick<
    Connection,
    'id' | 'connectedAt' | 'sourceIp' | 'userAgent' | 'authorizer' | 'identity' | 'apiKey'
  >;
  readonly domainName: string;
  readonly routeKey: string;
  readonly eventType: EventType;
  readonly requestId: string;
  readonly messageId?: string;
  readonly epochMs: number;
}

/** Built by assignment rather than spreads: it is made for every message. */
export function requestContext(info: RequestInfo): Record<string, unknown> {
  const { app, connection } = info;
  const context: Record<string, unknown> = { routeKey: info.routeKey };
  if (info.messageId) context.messageId = info.messageId;
  context.eventType = info.eventType;
  context.extendedRequestId = info.requestId;
  context.requestTime = requestTime(info.epochMs);
  context.messageDirection = 'IN';
  context.stage = app.stage;
  context.connectedAt = connection.connectedAt;
  context.requestTimeEpoch = info.epochMs;
  context.identity = connection.identity
    ? { ...connection.identity, sourceIp: connection.sourceIp, userAgent: connection.userAgent }
    : { sourceIp: connection.sourceIp, userAgent: connection.userAgent };
  context.requestId = info.requestId;
  context.domainName = info.domainName;
  context.connectionId = connection.id;
  context.apiId = app.apiId;
  if (connection.authorizer) context.authorizer = connection.authorizer;
  return context;
}

export interface HandshakeInfo {
  readonly headers: Record<string, string>;
  readonly multiValueHeaders: Record<string, string[]>;
  readonly queryStringParameters?: Record<string, string>;
  readonly multiValueQueryStringParameters?: Record<string, string[]>;
}

/** APIGatewayProxyWebsocketEventV2 (plus headers and query on `$connect` and `$disconnect`). */
export function lambdaEvent(
  info: RequestInfo,
  body: string | undefined,
  handshake?: HandshakeInfo,
  extra = {},
) {
  const event: Record<string, unknown> = handshake ? { ...handshake } : {};
  event.requestContext = Object.assign(requestContext(info), extra);
  if (body !== undefined) event.body = body;
  event.isBase64Encoded = false;
  return event;
}

/** `$context` in mapping templates: the request context plus `status` and `error` once known. */
export function vtlContext(info: RequestInfo, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const context = requestContext(info);
  context.authorizer = info.connection.authorizer ?? {};
  context.error = {};
  return Object.assign(context, extra);
}

/** The events API Gateway sends to Lambda proxy integrations and authorizers, and `$context` for VTL. */
import type { Connection } from '../connections/registry';
import { requestTime } from '../ids';
import type { LocalApp } from '../types';

export type EventType = 'CONNECT' | 'MESSAGE' | 'DISCONNECT';

export interface RequestInfo {
  readonly app: LocalApp;
  readonly connection: Pick<Connection, 'id' | 'connectedAt' | 'sourceIp' | 'userAgent' | 'authorizer'>;
  readonly domainName: string;
  readonly routeKey: string;
  readonly eventType: EventType;
  readonly requestId: string;
  readonly messageId?: string;
  readonly epochMs: number;
}

export function requestContext(info: RequestInfo): Record<string, unknown> {
  const { app, connection } = info;
  return {
    routeKey: info.routeKey,
    ...(info.messageId ? { messageId: info.messageId } : {}),
    eventType: info.eventType,
    extendedRequestId: info.requestId,
    requestTime: requestTime(info.epochMs),
    messageDirection: 'IN',
    stage: app.stage,
    connectedAt: connection.connectedAt,
    requestTimeEpoch: info.epochMs,
    identity: { sourceIp: connection.sourceIp, userAgent: connection.userAgent },
    requestId: info.requestId,
    domainName: info.domainName,
    connectionId: connection.id,
    apiId: app.apiId,
    ...(connection.authorizer ? { authorizer: connection.authorizer } : {}),
  };
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
  return {
    ...(handshake ?? {}),
    requestContext: { ...requestContext(info), ...extra },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  };
}

/** `$context` in mapping templates: the request context plus `status` and `error` once known. */
export function vtlContext(info: RequestInfo, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...requestContext(info), authorizer: info.connection.authorizer ?? {}, error: {}, ...extra };
}

/**
 * The log line of an event, for the events that have one: `wskit local` prints these as they
 * happen, so the terminal and the console tell the same story from the same stream.
 */
import type { LocalEvent } from './types';

export function logLine(event: LocalEvent): string | undefined {
  switch (event.type) {
    case 'connection.open':
      return event.integration === undefined
        ? `${event.connectionId} $connect (no route) ${event.status}`
        : `${event.connectionId} $connect ${event.integration} ${event.status} ${event.latencyMs}ms`;
    case 'connection.refused':
      if (event.by === 'access') return `handshake ${event.reason}`;
      if (event.by === 'AWS_IAM' || event.by === 'API key')
        return `${event.connectionId} $connect ${event.by} ${event.status}: ${event.reason}`;
      return event.by === 'authorizer'
        ? `${event.connectionId} $connect authorizer ${event.status} ${event.latencyMs}ms`
        : `${event.connectionId} $connect ${event.integration} ${event.status} ${event.latencyMs}ms`;
    case 'connection.close':
      return event.disconnect
        ? `${event.connectionId} closed ${event.code}; $disconnect ${event.disconnect.integration} ${event.disconnect.status} ${event.latencyMs}ms`
        : `${event.connectionId} closed ${event.code}`;
    case 'route':
      if (event.routeKey === undefined)
        return `${event.connectionId} message: no route and no $default → Forbidden`;
      return event.refused
        ? `${event.connectionId} ${event.routeKey}: ${event.refused} → Forbidden`
        : `${event.connectionId} ${event.routeKey} ${event.integration} ${event.status} ${event.latencyMs}ms`;
    case 'connections.api':
      return `@connections ${event.method} ${event.connectionId} ${event.status}`;
    case 'function.log':
      return `[${event.functionId}] ${event.line}`;
    case 'delivery':
      return `${event.source} → ${event.target} ${event.status} ${event.latencyMs}ms`;
    default:
      return undefined;
  }
}

/**
 * The handshake's `Sec-WebSocket-Protocol`, as API Gateway answers it: whatever the `$connect`
 * integration returned in its headers (a proxy function's `headers`), and none when it returned
 * none. API Gateway never picks one of the client's offers itself; a client that offered protocols
 * and gets none back decides for itself whether to go on (browsers fail the connection).
 */
import type { IncomingMessage } from 'node:http';

const answered = new WeakMap<IncomingMessage, string>();

/** The protocol header among a `$connect` integration's headers (any spelling), if any. */
export function protocolOfHeaders(
  headers: Readonly<Record<string, unknown>> | undefined,
): string | undefined {
  if (!headers) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'sec-websocket-protocol' && value !== undefined && value !== null) {
      return String(value);
    }
  }
  return undefined;
}

/** Records what the handshake of `request` answers, before the upgrade completes. */
export function answerProtocol(request: IncomingMessage, protocol: string | undefined): void {
  if (protocol !== undefined) answered.set(request, protocol);
}

/** ws's `handleProtocols`: the integration's answer, else no header at all. */
export function handleProtocols(_offered: Set<string>, request: IncomingMessage): string | false {
  return answered.get(request) ?? false;
}

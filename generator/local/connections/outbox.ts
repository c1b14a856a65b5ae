/**
 * Frames for clients go out together at the end of the event loop's turn, in the order they were
 * sent. On a small machine this matters: a write on loopback wakes the client's thread, which then
 * tends to take over this thread's core while it still has messages to route; writing last, just
 * before the loop sleeps, avoids that. Route answers and @connections posts share the queue, so a
 * connection receives them in order.
 */
import type { Connection } from './registry';

let queued: Connection[] = [];
let texts: string[] = [];

export function sendToConnection(connection: Connection, text: string): void {
  if (queued.length === 0) setImmediate(flush);
  queued.push(connection);
  texts.push(text);
}

function flush(): void {
  const connections = queued;
  const pending = texts;
  queued = [];
  texts = [];
  for (let i = 0; i < connections.length; i++) {
    const { socket } = connections[i] as Connection;
    // A connection closed meanwhile gets nothing, as if it had closed first.
    if (socket.readyState === socket.OPEN) socket.send(pending[i] as string);
  }
}

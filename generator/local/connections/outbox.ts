/**
 * Frames for clients. The first frame of an event loop turn goes out at once; the ones after it wait
 * for the end of the turn and go out together. On a small machine this matters under load: a write
 * on loopback wakes the client's thread, which then tends to take over this thread's core while it
 * still has messages to route; writing the rest last, just before the loop sleeps, avoids most of
 * that, and a lone answer is not delayed. Frames to a connection always leave in the order sent.
 */
import type { Connection } from './registry';

/** True from a turn's first frame until the flush at the end of that turn (always scheduled then). */
let wroteThisTurn = false;
let queued: Connection[] = [];
let texts: string[] = [];

export function sendToConnection(connection: Connection, text: string): void {
  if (wroteThisTurn) {
    queued.push(connection);
    texts.push(text);
    return;
  }
  wroteThisTurn = true;
  setImmediate(flush);
  write(connection, text);
}

function flush(): void {
  wroteThisTurn = false;
  const connections = queued;
  const pending = texts;
  queued = [];
  texts = [];
  for (let i = 0; i < connections.length; i++) write(connections[i] as Connection, pending[i] as string);
}

function write({ socket }: Connection, text: string): void {
  // A connection closed meanwhile gets nothing, as if it had closed first.
  if (socket.readyState === socket.OPEN) socket.send(text);
}

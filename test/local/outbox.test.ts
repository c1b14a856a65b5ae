/** A turn's first frame leaves at once, the rest at the end of the turn, in order, and only to open sockets. */
import type { WebSocket } from 'ws';
import { sendToConnection } from '../../generator/local/connections/outbox';
import type { Connection } from '../../generator/local/connections/registry';

function connection(id: string, readyState = 1): Connection & { sent: string[] } {
  const sent: string[] = [];
  const socket = { OPEN: 1, readyState, send: (text: string) => sent.push(text) } as unknown as WebSocket;
  return { id, socket, connectedAt: 0, lastActiveAt: 0, sourceIp: '127.0.0.1', userAgent: '', sent };
}

const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('wskit local: outgoing frames', () => {
  it('sends the first frame at once and the rest in order at the end of the turn, none to closed sockets', async () => {
    const a = connection('a');
    const b = connection('b');
    const closed = connection('c', 3);
    sendToConnection(a, 'a1');
    sendToConnection(b, 'b1');
    sendToConnection(closed, 'c1');
    sendToConnection(a, 'a2');
    expect(a.sent).toEqual(['a1']);
    expect(b.sent).toEqual([]);
    await endOfTurn();
    expect(a.sent).toEqual(['a1', 'a2']);
    expect(b.sent).toEqual(['b1']);
    expect(closed.sent).toEqual([]);
    // A new turn: its first frame goes out at once again.
    sendToConnection(b, 'b2');
    expect(b.sent).toEqual(['b1', 'b2']);
    sendToConnection(closed, 'c2');
    await endOfTurn();
    expect(closed.sent).toEqual([]);
  });
});

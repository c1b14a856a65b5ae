/** Frames for clients leave at the end of the event loop's turn, in order, and only to open sockets. */
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
  it('sends each connection its frames in order once the turn ends, and none to a closed socket', async () => {
    const a = connection('a');
    const b = connection('b');
    const closed = connection('c', 3);
    sendToConnection(a, 'a1');
    sendToConnection(b, 'b1');
    sendToConnection(closed, 'c1');
    sendToConnection(a, 'a2');
    expect(a.sent).toEqual([]);
    await endOfTurn();
    expect(a.sent).toEqual(['a1', 'a2']);
    expect(b.sent).toEqual(['b1']);
    expect(closed.sent).toEqual([]);
    sendToConnection(b, 'b2');
    await endOfTurn();
    expect(b.sent).toEqual(['b1', 'b2']);
  });
});

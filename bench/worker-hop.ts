/**
 * The second reference for `bench:local`: the least any emulator that isolates handlers in a worker
 * thread must do per message. A bare `ws` server hands each message to one worker thread, which
 * calls a trivial handler and hands the reply back; both ways the messages of one event loop turn
 * travel together, as JSON text. No routing, no event, no timeouts: the cost of the two thread hops
 * alone, so the Lambda route can be judged against what isolation allows on this machine.
 */
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { type WebSocket, WebSocketServer } from 'ws';

const HANDLER_THREAD = `
const { parentPort } = require('node:worker_threads');
const handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ received: JSON.parse(event.body) }) });
let replies = [];
parentPort.on('message', (text) => {
  for (const { id, event } of JSON.parse(text)) {
    handler(event).then((result) => {
      if (replies.length === 0) setImmediate(() => { parentPort.postMessage('[' + replies.join(',') + ']'); replies = []; });
      replies.push(JSON.stringify({ id, result }));
    });
  }
});
`;

export async function workerHopServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const handlerThread = new Worker(HANDLER_THREAD, { eval: true });
  const waiting = new Map<number, WebSocket>();
  let nextId = 0;
  let outbox: string[] = [];
  handlerThread.on('message', (text: string) => {
    for (const { id, result } of JSON.parse(text) as { id: number; result: { body: string } }[]) {
      waiting.get(id)?.send(result.body);
      waiting.delete(id);
    }
  });
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  server.on('connection', (socket) =>
    socket.on('message', (data) => {
      const id = nextId++;
      waiting.set(id, socket);
      if (outbox.length === 0) {
        setImmediate(() => {
          handlerThread.postMessage(`[${outbox.join(',')}]`);
          outbox = [];
        });
      }
      outbox.push(JSON.stringify({ id, event: { body: data.toString() } }));
    }),
  );
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await handlerThread.terminate();
    },
  };
}

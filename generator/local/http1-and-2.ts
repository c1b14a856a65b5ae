/**
 * One loopback port that answers HTTP/1.1 and cleartext HTTP/2 alike. SDK clients of streaming
 * APIs (Bedrock Runtime, Transcribe Streaming, in the SDK v3) speak HTTP/2 with prior knowledge to
 * an `http://` endpoint, and fail with a bare protocol error against an HTTP/1.1 server; AWS
 * endpoints speak both. The first bytes of a connection tell them apart: an HTTP/2 client opens
 * with its preface, and that connection is passed on to an HTTP/2 server beside this one.
 */
import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  createServer as createHttp2Server,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from 'node:http2';
import {
  type AddressInfo,
  connect,
  createServer as createNetServer,
  type Server,
  type Socket,
} from 'node:net';

export type Handler = (
  request: IncomingMessage | Http2ServerRequest,
  response: ServerResponse | Http2ServerResponse,
) => void;

export interface Http1And2Server {
  readonly port: number;
  close(): Promise<void>;
}

const HTTP2_PREFACE = 'PRI * HTTP/2.0';

export async function listenHttp1And2(host: string, handler: Handler): Promise<Http1And2Server> {
  const http1 = createHttp1Server(handler);
  const http2 = createHttp2Server(handler);
  const sockets = new Set<Socket>();
  const front = createNetServer((socket) => {
    track(sockets, socket);
    socket.on('error', () => socket.destroy());
    socket.once('data', (chunk) => {
      if (chunk.subarray(0, HTTP2_PREFACE.length).toString('latin1') !== HTTP2_PREFACE) {
        socket.pause();
        socket.unshift(chunk);
        http1.emit('connection', socket);
        socket.resume();
        return;
      }
      // The HTTP/2 session reads the socket's handle itself and would miss the preface read here.
      const inner = connect((http2.address() as AddressInfo).port, host);
      track(sockets, inner);
      inner.on('error', () => socket.destroy());
      inner.write(chunk);
      socket.pipe(inner).pipe(socket);
    });
  });
  await listen(http2, host);
  await listen(front, host);
  return {
    port: (front.address() as AddressInfo).port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([front, http2].map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

function track(sockets: Set<Socket>, socket: Socket): void {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
}

function listen(server: Server | ReturnType<typeof createHttp2Server>, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
}

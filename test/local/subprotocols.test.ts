/**
 * WebSocket subprotocols as API Gateway negotiates them: the `$connect` function sees the client's
 * `Sec-WebSocket-Protocol` offer and picks one in its `headers` (the developer guide's example), the
 * handshake answers with exactly that, with none when the function returns none, and a `$connect`
 * answering 400 (no acceptable offer) refuses the handshake with 400.
 */

import WebSocket from 'ws';
import type { LocalServer } from '../../generator/local/start-local';
import { startLocal } from '../../generator/local/start-local';
import { lambdaRoute, nodeFunction, websocketApi, writeSamApp } from './helpers';

// Picks `myprotocol` when offered, answers without a protocol to `plain`, refuses other offers.
const connect = `exports.handler = async (event) => {
  const offered = (event.headers['Sec-WebSocket-Protocol'] ?? '').split(',').map((p) => p.trim());
  if (offered.includes('myprotocol')) {
    return { statusCode: 200, headers: { 'Sec-WebSocket-Protocol': 'myprotocol' } };
  }
  if (offered.includes('plain')) return { statusCode: 200 };
  return { statusCode: 400 };
};
`;

describe('wskit local: the $connect integration answers the subprotocol', () => {
  let server: LocalServer;
  beforeAll(async () => {
    const dir = writeSamApp(
      {
        ...websocketApi('protocols', 'dev'),
        ...lambdaRoute('Api', '$connect', 'ConnectFunction', nodeFunction('connect.handler'), false),
      },
      { 'src/connect.js': connect },
    );
    server = await startLocal({ appDir: dir, port: 0, log: () => {} });
  });
  afterAll(() => server.close());

  it('answers with the protocol the function picked, not the client’s first offer', async () => {
    expect(await handshake(server.url, ['chat', 'myprotocol'])).toBe('open with myprotocol');
  });

  it('answers with no protocol when the function returns none', async () => {
    // ws, as browsers do, then fails the connection it offered protocols for.
    expect(await handshake(server.url, ['plain', 'other'])).toBe('error: Server sent no subprotocol');
  });

  it('refuses the handshake with 400 when the function answers 400', async () => {
    expect(await handshake(server.url, ['unknown'])).toBe('refused 400');
  });
});

/** How a handshake offering `protocols` ends: open (with the answered protocol), refused, or failed. */
function handshake(url: string, protocols: string[]): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, protocols);
    socket.once('open', () => {
      resolve(`open with ${socket.protocol}`);
      socket.close();
    });
    socket.once('unexpected-response', (_request, response) => resolve(`refused ${response.statusCode}`));
    socket.once('error', (error) => resolve(`error: ${error.message}`));
  });
}

/**
 * Clients the console opens on the user's behalf: a WebSocket to the API with the query string and
 * headers they choose (a browser's WebSocket cannot set headers, and an authorizer often reads one).
 * They are ordinary clients: their frames and answers reach the page as the events of their
 * connection. A header names each one, so the page can find its connection among the others.
 */
import WebSocket from 'ws';

export const CLIENT_HEADER = 'X-Wskit-Console-Client';

export interface OpenResult {
  readonly clientId: string;
  /** 101 when open; otherwise the handshake's status (401, 403...). */
  readonly status: number;
  readonly message?: string;
}

export class ConsoleClients {
  private readonly sockets = new Map<string, WebSocket>();
  private next = 1;

  constructor(private readonly url: () => string) {}

  open(
    query: Readonly<Record<string, string>>,
    headers: Readonly<Record<string, string>>,
  ): Promise<OpenResult> {
    const clientId = `c${this.next++}`;
    const url = new URL(this.url());
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const socket = new WebSocket(url, { headers: { ...headers, [CLIENT_HEADER]: clientId } });
    return new Promise((resolve) => {
      socket.once('open', () => {
        this.sockets.set(clientId, socket);
        socket.once('close', () => this.sockets.delete(clientId));
        resolve({ clientId, status: 101 });
      });
      socket.once('unexpected-response', (_request, response) => {
        resolve({ clientId, status: response.statusCode ?? 500, message: response.statusMessage ?? '' });
        socket.terminate();
      });
      socket.once('error', (error) => resolve({ clientId, status: 0, message: error.message }));
      socket.on('message', () => {}); // answers reach the page as events of the connection
    });
  }

  /** False when there is no such open client. */
  send(clientId: string, text: string): boolean {
    const socket = this.sockets.get(clientId);
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(text);
    return true;
  }

  close(clientId: string): boolean {
    const socket = this.sockets.get(clientId);
    socket?.close(1000, 'Closed from the console');
    return socket !== undefined;
  }

  closeAll(): void {
    for (const socket of this.sockets.values()) socket.terminate();
    this.sockets.clear();
  }
}

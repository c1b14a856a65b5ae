/** The open connections, by connection id, with what `GET @connections/{id}` reports about them. */
import type { WebSocket } from 'ws';

export interface Connection {
  readonly id: string;
  readonly socket: WebSocket;
  readonly connectedAt: number;
  lastActiveAt: number;
  readonly sourceIp: string;
  readonly userAgent: string;
  /** The authorizer's context, passed to every later event of this connection. */
  readonly authorizer?: Record<string, unknown>;
  /** Who signed an `AWS_IAM` handshake (`accessKey`, `userArn`...), in every event's `identity`. */
  readonly identity?: Record<string, unknown>;
  /** The API key the handshake presented, for routes with ApiKeyRequired. */
  readonly apiKey?: string;
}

export class ConnectionRegistry {
  private readonly connections = new Map<string, Connection>();

  add(connection: Connection): void {
    this.connections.set(connection.id, connection);
  }

  get(id: string): Connection | undefined {
    return this.connections.get(id);
  }

  remove(id: string): void {
    this.connections.delete(id);
  }

  get size(): number {
    return this.connections.size;
  }

  all(): IterableIterator<Connection> {
    return this.connections.values();
  }
}

/**
 * The console's live channel: server-sent events, one `events` message (a JSON array) per client
 * every quarter second. Under load a client gets at most `perSecond` events and a `dropped` message
 * counting the rest, so serialising for browsers never takes the data plane's time; the ring still
 * holds everything recent (`GET /api/events`). Long strings are cut to `maxString` characters.
 */
import type { ServerResponse } from 'node:http';
import type { LocalEvent } from '../events/types';

const FLUSH_MS = 250;
/** A client this far behind (bytes unsent) is treated as slow: its batches are dropped, not queued. */
const SLOW_CLIENT_BYTES = 1 << 20;

interface Client {
  readonly response: ServerResponse;
  batch: string[];
  dropped: number;
}

export interface LiveOptions {
  readonly perSecond: number;
  readonly maxString: number;
}

export class LiveChannel {
  private readonly clients = new Set<Client>();
  private timer: NodeJS.Timeout | undefined;
  private readonly perFlush: number;

  constructor(private readonly options: LiveOptions) {
    this.perFlush = Math.max(1, Math.round((options.perSecond * FLUSH_MS) / 1000));
  }

  get size(): number {
    return this.clients.size;
  }

  /** Starts an event stream on `response`; `first` is the sequence number the client starts after. */
  open(response: ServerResponse, nextSeq: number): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(`event: hello\ndata: ${JSON.stringify({ nextSeq })}\n\n`);
    const client: Client = { response, batch: [], dropped: 0 };
    this.clients.add(client);
    response.on('close', () => this.clients.delete(client));
    this.timer ??= setInterval(() => this.flush(), FLUSH_MS).unref();
  }

  /** A message to every page at once (`detail`: payloads paused or resumed under load). */
  notice(name: string, data: unknown): void {
    for (const client of this.clients)
      client.response.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** An event the console did not keep (load): counted in each page's next `dropped` message. */
  skip(): void {
    for (const client of this.clients) client.dropped += 1;
  }

  push(seq: number, event: LocalEvent): void {
    let text: string | undefined;
    for (const client of this.clients) {
      if (client.batch.length >= this.perFlush) {
        client.dropped += 1;
        continue;
      }
      text ??= eventJson(seq, event, this.options.maxString);
      client.batch.push(text);
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const client of this.clients) client.response.end();
    this.clients.clear();
  }

  private flush(): void {
    if (this.clients.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    for (const client of this.clients) {
      const { response } = client;
      if (response.writableLength > SLOW_CLIENT_BYTES) {
        client.dropped += client.batch.length;
        client.batch = [];
      }
      if (client.batch.length > 0) response.write(`event: events\ndata: [${client.batch.join(',')}]\n\n`);
      if (client.dropped > 0)
        response.write(`event: dropped\ndata: ${JSON.stringify({ count: client.dropped })}\n\n`);
      client.batch = [];
      client.dropped = 0;
    }
  }
}

/** An event as the console's JSON carries it: its sequence number first, long strings cut. */
export function eventJson(seq: number, event: LocalEvent, maxString: number): string {
  return JSON.stringify({ seq, ...event }, (key, value: unknown) =>
    typeof value === 'string' && value.length > maxString && key !== 'type'
      ? `${value.slice(0, maxString)}… (${value.length - maxString} more characters)`
      : value,
  );
}

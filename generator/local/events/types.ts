/**
 * What happens in a running emulator, as data: the one stream the log lines, the console and tests
 * read. Each event is a plain object (no sockets, no classes), so it can be kept in a ring and sent
 * to a browser as JSON. `at` is the epoch milliseconds at which it happened.
 */

/** A handshake's query string and headers, as the `$connect` event carries them. */
export interface HandshakeSummary {
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
}

export type LocalEvent =
  /** A handshake that `$connect` (and its authorizer) accepted: the socket is open. */
  | {
      readonly type: 'connection.open';
      readonly at: number;
      readonly connectionId: string;
      readonly sourceIp: string;
      readonly userAgent: string;
      readonly handshake: HandshakeSummary;
      readonly authorizer?: Readonly<Record<string, unknown>>;
      /** `lambda`, `aws`, `mock`..., or absent without a `$connect` route. */
      readonly integration?: string;
      readonly status: number;
      readonly latencyMs: number;
    }
  /** A handshake turned away: by the access check, a signature or API key check, the authorizer or `$connect`'s integration. */
  | {
      readonly type: 'connection.refused';
      readonly at: number;
      readonly connectionId?: string;
      readonly status: number;
      /** What said no: the Host/Origin check, the SigV4 or API key check, the authorizer, or `$connect`'s integration. */
      readonly by: 'access' | 'AWS_IAM' | 'API key' | 'authorizer' | '$connect';
      readonly reason: string;
      /** For a refusal by `$connect`: what ran it (`lambda`, `aws`...). */
      readonly integration?: string;
      readonly handshake?: HandshakeSummary;
      readonly latencyMs: number;
    }
  /** A socket closed (either side); `disconnect` is the `$disconnect` route's outcome, if it has one. */
  | {
      readonly type: 'connection.close';
      readonly at: number;
      readonly connectionId: string;
      readonly code: number;
      readonly reason: string;
      readonly disconnect?: { readonly integration: string; readonly status: number };
      readonly latencyMs: number;
    }
  /** A message from a client. `body` is kept only when a detailed listener (the console) is on. */
  | {
      readonly type: 'frame.in';
      readonly at: number;
      readonly connectionId: string;
      readonly size: number;
      readonly body?: string;
    }
  /** A message to a client: a two-way route's answer, an error frame, or an `@connections` post. */
  | {
      readonly type: 'frame.out';
      readonly at: number;
      readonly connectionId: string;
      readonly size: number;
      readonly source: 'route' | 'error' | '@connections';
      readonly body?: string;
    }
  /** A message routed and its integration run; `selection` is what the selection expression gave. */
  | {
      readonly type: 'route';
      readonly at: number;
      readonly connectionId: string;
      readonly requestId: string;
      /** Undefined when no route matched and there is no `$default` (the Forbidden frame). */
      readonly routeKey?: string;
      readonly selection?: string;
      readonly integration?: string;
      /** Why the message was refused before its integration ran (no valid API key). */
      readonly refused?: string;
      readonly status: number;
      readonly latencyMs: number;
    }
  /** A call of the `@connections` API (POST, GET, DELETE) by a handler or a user. */
  | {
      readonly type: 'connections.api';
      readonly at: number;
      readonly method: string;
      readonly connectionId: string;
      readonly status: number;
    }
  /** A line a function printed, tied to the invocation that was running in its environment. */
  | {
      readonly type: 'function.log';
      readonly at: number;
      readonly functionId: string;
      readonly requestId?: string;
      readonly line: string;
    }
  /** A finished invocation: event in, result or error out. */
  | {
      readonly type: 'function.run';
      readonly at: number;
      readonly functionId: string;
      readonly requestId: string;
      readonly durationMs: number;
      readonly event?: unknown;
      readonly ok: boolean;
      readonly result?: unknown;
      readonly error?: { readonly errorType: string; readonly errorMessage: string; readonly stack?: string };
    }
  | {
      readonly type: 'execution.start';
      readonly at: number;
      readonly executionId: string;
      readonly machineArn: string;
      readonly machineName: string;
      readonly input?: unknown;
    }
  /** One step of an execution: a state entered, left, failed, retried or caught. */
  | {
      readonly type: 'execution.state';
      readonly at: number;
      readonly executionId: string;
      readonly state: string;
      readonly step: 'entered' | 'exited' | 'failed' | 'retried' | 'caught';
      readonly input?: unknown;
      readonly output?: unknown;
      readonly error?: string;
      readonly cause?: string;
    }
  | {
      readonly type: 'execution.end';
      readonly at: number;
      readonly executionId: string;
      readonly status: string;
      readonly output?: unknown;
      readonly error?: string;
      readonly cause?: string;
      readonly durationMs: number;
    }
  /** A queue message sent, received (with its receive count), deleted or moved to the dead-letter queue. */
  | {
      readonly type: 'queue.message';
      readonly at: number;
      readonly queue: string;
      readonly messageId: string;
      readonly action: 'sent' | 'received' | 'deleted' | 'dead-lettered';
      readonly receiveCount: number;
      readonly body?: string;
    }
  /** A queue, topic, bus or stream delivered to a target (a function, a queue...). */
  | {
      readonly type: 'delivery';
      readonly at: number;
      readonly source: string;
      readonly target: string;
      readonly status: string;
      readonly latencyMs: number;
    };

export type LocalEventType = LocalEvent['type'];

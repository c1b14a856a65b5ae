/**
 * What the console shows, folded from the event stream: connections (open, and the last closed
 * ones), function runs with their log lines, state machine executions state by state, and queue
 * messages. Plain JSON, bounded, and pure: the server keeps one for the JSON API and the page
 * applies the same events to its copy, so the two never disagree.
 */
import type { LocalEvent } from '../events/types';

export interface ConnectionView {
  readonly id: string;
  readonly connectedAt: number;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly authorizer?: Readonly<Record<string, unknown>>;
  framesIn: number;
  framesOut: number;
  lastActiveAt: number;
  closed?: { readonly at: number; readonly code: number; readonly reason: string };
}

export interface RunView {
  readonly requestId: string;
  readonly functionId: string;
  readonly logs: { readonly at: number; readonly line: string }[];
  at: number;
  done: boolean;
  ok?: boolean;
  durationMs?: number;
  event?: unknown;
  result?: unknown;
  error?: { readonly errorType: string; readonly errorMessage: string; readonly stack?: string };
}

export interface StateView {
  status: 'running' | 'succeeded' | 'failed' | 'caught';
  input?: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
  retries: number;
}

export interface ExecutionView {
  readonly id: string;
  readonly machineArn: string;
  readonly machineName: string;
  readonly startedAt: number;
  input?: unknown;
  status: string;
  output?: unknown;
  error?: string;
  cause?: string;
  durationMs?: number;
  readonly states: Record<string, StateView>;
}

export interface MessageView {
  readonly id: string;
  body?: string;
  receiveCount: number;
  status: 'waiting' | 'received' | 'dead-lettered';
  at: number;
}

export interface ConsoleState {
  readonly connections: Record<string, ConnectionView>;
  readonly runs: Record<string, RunView>;
  readonly executions: Record<string, ExecutionView>;
  /** By queue name, then message id. */
  readonly queues: Record<string, Record<string, MessageView>>;
}

/** How much each view keeps; older entries go first. */
export const STATE_LIMITS = {
  closedConnections: 200,
  runs: 200,
  logLines: 200,
  executions: 100,
  messages: 200,
};

export const emptyState = (): ConsoleState => ({ connections: {}, runs: {}, executions: {}, queues: {} });

/**
 * The views with function runs folded from `events` (the ring): runs come many per second under
 * load, so the server folds them only when asked, while the rest is kept up to date as it happens.
 */
export function withRuns(state: ConsoleState, events: Iterable<LocalEvent>): ConsoleState {
  const folded = emptyState();
  for (const event of events)
    if (event.type === 'function.run' || event.type === 'function.log') applyEvent(folded, event);
  return { ...state, runs: folded.runs };
}

/** True for the events `withRuns` folds on demand. */
export const isRunEvent = (event: LocalEvent) =>
  event.type === 'function.run' || event.type === 'function.log';

/** Applies one event; returns true when a view changed. */
export function applyEvent(state: ConsoleState, event: LocalEvent): boolean {
  switch (event.type) {
    case 'connection.open':
      state.connections[event.connectionId] = {
        id: event.connectionId,
        connectedAt: event.at,
        sourceIp: event.sourceIp,
        userAgent: event.userAgent,
        query: event.handshake.query,
        headers: event.handshake.headers,
        ...(event.authorizer ? { authorizer: event.authorizer } : {}),
        framesIn: 0,
        framesOut: 0,
        lastActiveAt: event.at,
      };
      return true;
    case 'connection.close': {
      const connection = state.connections[event.connectionId];
      if (!connection) return false;
      connection.closed = { at: event.at, code: event.code, reason: event.reason };
      trimClosed(state.connections);
      return true;
    }
    case 'frame.in':
    case 'frame.out': {
      const connection = state.connections[event.connectionId];
      if (!connection) return false;
      if (event.type === 'frame.in') connection.framesIn += 1;
      else connection.framesOut += 1;
      connection.lastActiveAt = event.at;
      return true;
    }
    case 'function.log': {
      const run = runOf(state, event.requestId ?? `${event.functionId}:-`, event.functionId, event.at);
      if (run.logs.length < STATE_LIMITS.logLines) run.logs.push({ at: event.at, line: event.line });
      return true;
    }
    case 'function.run': {
      const run = runOf(state, event.requestId, event.functionId, event.at - event.durationMs);
      Object.assign(run, { done: true, ok: event.ok, durationMs: event.durationMs });
      if ('event' in event) run.event = event.event;
      if ('result' in event) run.result = event.result;
      if (event.error) run.error = event.error;
      return true;
    }
    case 'execution.start':
      state.executions[event.executionId] = {
        id: event.executionId,
        machineArn: event.machineArn,
        machineName: event.machineName,
        startedAt: event.at,
        ...('input' in event ? { input: event.input } : {}),
        status: 'RUNNING',
        states: {},
      };
      trim(state.executions, STATE_LIMITS.executions);
      return true;
    case 'execution.state':
      return applyStep(state, event);
    case 'execution.end': {
      const execution = state.executions[event.executionId];
      if (!execution) return false;
      const { status, output, error, cause, durationMs } = event;
      Object.assign(execution, { status, durationMs }, stripUndefined({ output, error, cause }));
      return true;
    }
    case 'queue.message': {
      state.queues[event.queue] ??= {};
      const queue = state.queues[event.queue] as Record<string, MessageView>;
      const known = queue[event.messageId];
      if (event.action === 'deleted') return delete queue[event.messageId];
      const message = known ?? { id: event.messageId, receiveCount: 0, status: 'waiting', at: event.at };
      message.receiveCount = event.receiveCount;
      message.at = event.at;
      message.status = event.action === 'sent' ? 'waiting' : event.action;
      if (event.body !== undefined) message.body = event.body;
      queue[event.messageId] = message;
      trim(queue, STATE_LIMITS.messages);
      return true;
    }
    default:
      return false;
  }
}

type StepEvent = Extract<LocalEvent, { type: 'execution.state' }>;

function applyStep(state: ConsoleState, event: StepEvent): boolean {
  const execution = state.executions[event.executionId];
  if (!execution) return false;
  execution.states[event.state] ??= { status: 'running', retries: 0 };
  const view = execution.states[event.state] as StateView;
  if (event.step === 'entered') {
    view.status = 'running';
    if ('input' in event) view.input = event.input;
  } else if (event.step === 'exited') {
    if (view.status === 'running') view.status = 'succeeded';
    if ('output' in event) view.output = event.output;
  } else if (event.step === 'retried') {
    view.retries += 1;
  } else {
    view.status = event.step === 'caught' ? 'caught' : 'failed';
    Object.assign(view, stripUndefined({ error: event.error, cause: event.cause }));
  }
  return true;
}

function runOf(state: ConsoleState, requestId: string, functionId: string, at: number): RunView {
  let run = state.runs[requestId];
  if (!run) {
    run = { requestId, functionId, logs: [], at, done: false };
    state.runs[requestId] = run;
    trim(state.runs, STATE_LIMITS.runs);
  }
  return run;
}

const insertions = new WeakMap<object, number>();

/** Drops the oldest entries (insertion order) beyond `limit`; looks only every 32 insertions (hot path). */
function trim(record: Record<string, unknown>, limit: number): void {
  const count = (insertions.get(record) ?? 0) + 1;
  insertions.set(record, count);
  if (count % 32 !== 0) return;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length - limit; i++) delete record[keys[i] as string];
}

function trimClosed(connections: Record<string, ConnectionView>): void {
  const closed = Object.values(connections).filter((connection) => connection.closed);
  for (const old of closed.slice(0, Math.max(0, closed.length - STATE_LIMITS.closedConnections))) {
    delete connections[old.id];
  }
}

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

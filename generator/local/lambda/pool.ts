/**
 * A warm pool of execution environments for one function: each (a worker thread for Node, a process
 * for Python: see runtimes/) runs one invocation at a time, keeping module state between them. The
 * pool only queues work and keeps time; it never knows which runtime runs. A crash, an out-of-memory
 * or a timeout ends only that environment, never the emulator; the next invocation gets a fresh one
 * (a cold start), as on Lambda.
 *
 * When every environment is busy and no more may start, an invocation is handed to the environment
 * with the shortest queue, which runs it after its current one: the same order as waiting here, but
 * the thread wake-ups (the main cost per invocation on a small machine) are shared.
 */
import { randomUUID } from 'node:crypto';
import type { LocalFunction } from '../types';
import type { ExecutionEnvironment, LambdaRuntime } from './runtimes/types';

export interface InvokeError {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly stack?: string;
}

export type InvokeOutcome =
  | { readonly ok: true; readonly result: unknown; readonly requestId: string }
  | { readonly ok: false; readonly error: InvokeError; readonly requestId: string };

export interface PoolOptions {
  /** What starts the function's execution environments. */
  readonly runtime: LambdaRuntime;
  readonly environment: Readonly<Record<string, string>>;
  /** Most environments that run at once. */
  readonly maxEnvironments: number;
  /** Most invocations handed to one environment ahead of time, the running one included. */
  readonly queueDepth?: number;
  /** Receives each line the function writes to stdout or stderr, with the invocation it belongs to. */
  readonly onOutput: (line: string, requestId?: string) => void;
}

interface Invocation {
  readonly event: unknown;
  readonly resolve: (outcome: InvokeOutcome) => void;
  requestId?: string;
  timer?: NodeJS.Timeout;
}

interface Environment {
  readonly runtime: ExecutionEnvironment;
  /** Handed to the environment, in order; the first is running. */
  readonly queue: Invocation[];
  /** Invocations not yet posted: those of one turn of the event loop go in one message. */
  outbox: string[];
  /** Its code is out of date: it takes nothing new and ends when its queue is empty. */
  retiring: boolean;
  /** The invocation that ran last: output arrives a little after its reply, so this outlives it. */
  current?: string;
}

export class FunctionPool {
  private readonly environments = new Set<Environment>();
  private readonly waiting: Invocation[] = [];
  private readonly queueDepth: number;
  private closed = false;

  constructor(
    private fn: LocalFunction,
    private options: PoolOptions,
  ) {
    this.queueDepth = Math.max(1, options.queueDepth ?? 4);
  }

  invoke(event: unknown): Promise<InvokeOutcome> {
    return new Promise((resolve) => {
      this.waiting.push({ event, resolve });
      this.dispatch();
    });
  }

  /**
   * The code changed: idle environments end now, busy ones finish what they were handed and then
   * end. Later invocations start fresh environments, which load the new code (a cold start).
   */
  reload(): void {
    for (const env of this.environments) {
      if (env.queue.length === 0) void this.discard(env, 'Runtime.Reload', 'code changed');
      else env.retiring = true;
    }
  }

  /** The function's definition changed (code folder, handler, environment, limits): reload with it. */
  update(fn: LocalFunction, environment: Readonly<Record<string, string>>): void {
    this.fn = fn;
    this.options = { ...this.options, environment };
    this.reload();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const invocation of this.waiting.splice(0)) {
      invocation.resolve(failure('Runtime.Shutdown', 'emulator stopped'));
    }
    await Promise.all(
      [...this.environments].map((env) => this.discard(env, 'Runtime.Shutdown', 'emulator stopped')),
    );
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && !this.closed) {
      const env = this.environmentWithRoom();
      if (!env) return;
      this.handOver(env, this.waiting.shift() as Invocation);
    }
  }

  /** An idle environment, else a new one, else the least loaded one with room in its queue. */
  private environmentWithRoom(): Environment | undefined {
    let best: Environment | undefined;
    for (const env of this.environments) {
      if (env.retiring) continue;
      if (env.queue.length === 0) return env;
      if (!best || env.queue.length < best.queue.length) best = env;
    }
    if (this.environments.size < this.options.maxEnvironments) return this.spawn();
    return best && best.queue.length < this.queueDepth ? best : undefined;
  }

  private spawn(): Environment {
    const { runtime, environment, onOutput } = this.options;
    const env: Environment = {
      runtime: runtime.spawn(this.fn, {
        environment,
        timeoutMs: this.timeoutMs,
        // Events come later than spawn() returns, so `env` is set by then.
        onReplies: (text) => this.finished(env, text),
        onExit: (message) => this.crashed(env, message),
        onOutput: (line) => onOutput(line, env.current),
      }),
      queue: [],
      outbox: [],
      retiring: false,
    };
    this.environments.add(env);
    return env;
  }

  private get timeoutMs(): number {
    return this.fn.timeoutSeconds * 1000;
  }

  private handOver(env: Environment, invocation: Invocation): void {
    const requestId = randomUUID();
    invocation.requestId = requestId;
    env.queue.push(invocation);
    if (env.queue.length === 1) this.startClock(env, invocation);
    if (env.outbox.length === 0) setImmediate(() => this.flush(env));
    // The rest of the context is the same for every invocation: the environment has it from the start.
    env.outbox.push(`{"id":"${requestId}","event":${JSON.stringify(invocation.event)}}`);
  }

  private flush(env: Environment): void {
    if (env.outbox.length === 0 || !this.environments.has(env)) return;
    env.runtime.post(`[${env.outbox.join(',')}]`);
    env.outbox = [];
  }

  /** The function's Timeout counts from when an invocation starts: when it reaches the queue's head. */
  private startClock(env: Environment, invocation: Invocation): void {
    env.current = invocation.requestId;
    invocation.timer = setTimeout(() => {
      const seconds = this.fn.timeoutSeconds.toFixed(2);
      void this.discard(env, 'Sandbox.Timedout', `Task timed out after ${seconds} seconds`);
    }, this.timeoutMs);
  }

  /** Replies come in order, several to a message when the environment finished several in one turn. */
  private finished(env: Environment, text: string): void {
    const replies = JSON.parse(text) as { ok: boolean; result?: unknown; error?: InvokeError }[];
    for (const reply of replies) {
      const invocation = env.queue.shift();
      if (!invocation) return;
      clearTimeout(invocation.timer);
      const requestId = invocation.requestId as string;
      invocation.resolve(
        reply.ok
          ? { ok: true, result: reply.result, requestId }
          : { ok: false, error: reply.error as InvokeError, requestId },
      );
    }
    const next = env.queue[0];
    if (next) this.startClock(env, next);
    if (env.retiring && !next) void this.discard(env, 'Runtime.Reload', 'code changed');
    else this.dispatch();
  }

  private crashed(env: Environment, message: string): void {
    if (this.environments.has(env)) void this.discard(env, 'Runtime.ExitError', message);
  }

  /** Ends an environment: its running invocation fails, the ones queued behind it wait for another. */
  private async discard(env: Environment, errorType: string, errorMessage: string): Promise<void> {
    if (!this.environments.delete(env)) return;
    env.outbox = [];
    const [running, ...queued] = env.queue.splice(0);
    if (running) {
      clearTimeout(running.timer);
      running.resolve(failure(errorType, errorMessage, running.requestId));
    }
    this.waiting.unshift(...queued.map(({ event, resolve }) => ({ event, resolve })));
    const terminated = env.runtime.terminate();
    this.dispatch();
    await terminated;
  }
}

function failure(errorType: string, errorMessage: string, requestId = ''): InvokeOutcome {
  return { ok: false, error: { errorType, errorMessage }, requestId };
}

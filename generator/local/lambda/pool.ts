/**
 * A warm pool of execution environments for one function: each is a worker thread running one
 * invocation at a time. A crash, an out-of-memory or a timeout ends only that environment, never the
 * emulator; the next invocation gets a fresh one (a cold start), as on Lambda.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { packagePath } from '../../paths';
import type { LocalFunction } from '../types';

export interface InvokeError {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly stack?: string;
}

export type InvokeOutcome =
  | { readonly ok: true; readonly result: unknown; readonly requestId: string }
  | { readonly ok: false; readonly error: InvokeError; readonly requestId: string };

export interface PoolOptions {
  readonly environment: Readonly<Record<string, string>>;
  /** Most environments run at once; further invocations wait for one to be free. */
  readonly maxEnvironments: number;
  /** Receives each line the function writes to stdout or stderr. */
  readonly onOutput: (line: string) => void;
}

const WORKER_FILE = packagePath('generator', 'local', 'lambda', 'worker.cjs');

interface Environment {
  readonly worker: Worker;
  busy: boolean;
  settle?: (outcome: InvokeOutcome) => void;
}

interface Waiting {
  readonly event: unknown;
  readonly resolve: (outcome: InvokeOutcome) => void;
}

export class FunctionPool {
  private readonly environments = new Set<Environment>();
  private readonly waiting: Waiting[] = [];
  private closed = false;

  constructor(
    private readonly fn: LocalFunction,
    private readonly options: PoolOptions,
  ) {}

  invoke(event: unknown): Promise<InvokeOutcome> {
    return new Promise((resolve) => {
      this.waiting.push({ event, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.waiting.splice(0))
      waiting.resolve(failure('Runtime.Shutdown', 'emulator stopped'));
    await Promise.all([...this.environments].map((env) => this.discard(env)));
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && !this.closed) {
      const env = this.idleEnvironment();
      if (!env) return;
      this.run(env, this.waiting.shift() as Waiting);
    }
  }

  private idleEnvironment(): Environment | undefined {
    for (const env of this.environments) if (!env.busy) return env;
    if (this.environments.size >= this.options.maxEnvironments) return undefined;
    return this.spawn();
  }

  private spawn(): Environment {
    const worker = new Worker(WORKER_FILE, {
      workerData: { codeDir: this.fn.codeDir, handler: this.fn.handler },
      env: this.options.environment,
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: Math.max(this.fn.memoryMb, 128) },
    });
    const env: Environment = { worker, busy: false };
    forwardLines(worker.stdout, this.options.onOutput);
    forwardLines(worker.stderr, this.options.onOutput);
    worker.on('message', (message: { ok: boolean; result?: unknown; error?: InvokeError }) => {
      const settle = env.settle;
      env.settle = undefined;
      env.busy = false;
      settle?.(
        message.ok
          ? { ok: true, result: message.result, requestId: '' }
          : { ok: false, error: message.error as InvokeError, requestId: '' },
      );
      this.dispatch();
    });
    // An uncaught exception, process.exit() or running out of memory ends the environment.
    worker.on('error', (error) => this.crashed(env, error));
    worker.on('exit', (code) => this.crashed(env, new Error(`the runtime exited with code ${code}`)));
    this.environments.add(env);
    return env;
  }

  private run(env: Environment, { event, resolve }: Waiting): void {
    const requestId = randomUUID();
    const timeoutMs = this.fn.timeoutSeconds * 1000;
    env.busy = true;
    const timer = setTimeout(() => {
      env.settle = undefined;
      resolve(
        failure(
          'Sandbox.Timedout',
          `Task timed out after ${this.fn.timeoutSeconds.toFixed(2)} seconds`,
          requestId,
        ),
      );
      void this.discard(env);
      this.dispatch();
    }, timeoutMs);
    env.settle = (outcome) => {
      clearTimeout(timer);
      resolve({ ...outcome, requestId });
    };
    env.worker.postMessage({
      id: requestId,
      event,
      context: {
        awsRequestId: requestId,
        functionName: this.fn.name,
        invokedFunctionArn: this.fn.arn,
        memoryLimitInMB: this.fn.memoryMb,
        logStreamName: `local/[$LATEST]${env.worker.threadId}`,
        deadlineMs: Date.now() + timeoutMs,
      },
    });
  }

  private crashed(env: Environment, error: Error): void {
    if (!this.environments.delete(env)) return;
    const settle = env.settle;
    env.settle = undefined;
    settle?.(failure('Runtime.ExitError', `${error.name}: ${error.message}`));
    this.dispatch();
  }

  private async discard(env: Environment): Promise<void> {
    this.environments.delete(env);
    await env.worker.terminate();
  }
}

function failure(errorType: string, errorMessage: string, requestId = ''): InvokeOutcome {
  return { ok: false, error: { errorType, errorMessage }, requestId };
}

function forwardLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
  });
}

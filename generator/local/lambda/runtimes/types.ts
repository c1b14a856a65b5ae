/**
 * The seam between the warm pool and what runs a handler. Lambda runs each function in execution
 * environments of its runtime (`nodejs22.x`, `python3.12`); here each runtime family is one module
 * that starts such an environment, and the pool only queues work for them.
 *
 * Every environment speaks the same protocol: it is handed JSON arrays of invocations
 * (`[{"id": requestId, "event": ...}]`) to run one after another, and answers with JSON arrays of
 * replies in the same order (`[{"ok": true, "result": ...}]` or `[{"ok": false, "error": {...}}]`).
 */
import type { LocalFunction } from '../../types';

/** One running execution environment, as the pool sees it. */
export interface ExecutionEnvironment {
  /** Hands over invocations: a JSON array of `{ id, event }`, run in order after those before. */
  post(invocations: string): void;
  /** Ends it now (a timeout, new code, the emulator stopping); settles once it is gone. */
  terminate(): Promise<void>;
}

export interface SpawnOptions {
  /** The whole environment the handler sees (what Lambda sets plus the template's variables). */
  readonly environment: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Replies, a JSON array, in the order the invocations were posted. */
  readonly onReplies: (text: string) => void;
  /** The environment ended on its own (an exit, a crash, out of memory): why. */
  readonly onExit: (message: string) => void;
  /** Each line the handler writes to stdout or stderr. */
  readonly onOutput: (line: string) => void;
}

/**
 * `WSKIT_LOCAL_REDIRECT` in a function's environment (JSON), read and removed by the runtime before
 * the handler loads: where the https addresses handlers written for AWS build for their API go
 * (`https://${domainName}/${stage}` is the emulator's own host and port, and
 * `https://${apiId}.execute-api.${region}.amazonaws.com`), and, when set, where every other AWS
 * address goes instead (the local endpoint that refuses calls under --offline).
 */
export const REDIRECT_VARIABLE = 'WSKIT_LOCAL_REDIRECT';

export interface RedirectConfig {
  /** `http://127.0.0.1:3001` */
  readonly emulator: string;
  /** The local API id. */
  readonly apiId?: string;
  /** `http://127.0.0.1:<port>`: every other AWS address goes here. */
  readonly offline?: string;
}

export interface LambdaRuntime {
  /** `nodejs`, `python`: the part of a `Runtime` value before its version. */
  readonly family: string;
  /** Variables Lambda sets for this runtime (`AWS_EXECUTION_ENV`, ...). */
  environment(runtime: string): Record<string, string>;
  /** Why the function's handler cannot be found, or undefined when it can. */
  missingCode(fn: LocalFunction): string | undefined;
  spawn(fn: LocalFunction, options: SpawnOptions): ExecutionEnvironment;
  /**
   * For `--watch`: calls `changed` when a source file of the function changes; returns what stops
   * it. Without it, the code's import graph is followed by esbuild (JavaScript and TypeScript).
   */
  watchSources?(fn: LocalFunction, changed: () => void): () => void;
}

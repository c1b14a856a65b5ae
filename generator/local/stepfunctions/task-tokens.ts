/**
 * Task tokens of `.waitForTaskToken` tasks: a task waits until SendTaskSuccess (its output becomes
 * the task's result) or SendTaskFailure (the task fails with the error and cause given) names its
 * token. SendTaskHeartbeat restarts the task's HeartbeatSeconds clock; a task that hears nothing
 * for that long fails with `States.HeartbeatTimeout`. Unknown or used tokens are
 * `TaskDoesNotExist`, malformed output `InvalidOutput`, as the Step Functions API answers them.
 */
import { randomBytes } from 'node:crypto';

interface Waiting {
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly heartbeat: () => void;
}

export type TokenAnswer =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: string; readonly message: string };

export class TaskTokens {
  private readonly waiting = new Map<string, Waiting>();

  /** A new token, in the opaque base64 shape Step Functions hands out. */
  issue(): string {
    return randomBytes(96).toString('base64');
  }

  /** Waits for the token's answer; `heartbeatSeconds` (if any) bounds the silence between signs of life. */
  wait(token: string, heartbeatSeconds?: number, signal?: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const heartbeat = () => {
        clearTimeout(timer);
        if (heartbeatSeconds)
          timer = setTimeout(
            () => finish(() => reject(named('States.HeartbeatTimeout', 'The task missed its heartbeat'))),
            heartbeatSeconds * 1000,
          );
      };
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.waiting.delete(token);
        settle();
      };
      signal?.addEventListener('abort', () => finish(() => reject(named('States.Aborted', 'stopped'))), {
        once: true,
      });
      this.waiting.set(token, {
        resolve: (output) => finish(() => resolve(output)),
        reject: (error) => finish(() => reject(error)),
        heartbeat,
      });
      heartbeat();
    });
  }

  success(token: unknown, output: unknown): TokenAnswer {
    const waiting = this.waiting.get(String(token));
    if (!waiting) return doesNotExist();
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(output));
    } catch {
      return { ok: false, error: 'InvalidOutput', message: 'Invalid Output: the output is not valid JSON' };
    }
    waiting.resolve(parsed);
    return { ok: true };
  }

  failure(token: unknown, error: unknown, cause: unknown): TokenAnswer {
    const waiting = this.waiting.get(String(token));
    if (!waiting) return doesNotExist();
    waiting.reject(named(typeof error === 'string' ? error : '', typeof cause === 'string' ? cause : ''));
    return { ok: true };
  }

  heartbeat(token: unknown): TokenAnswer {
    const waiting = this.waiting.get(String(token));
    if (!waiting) return doesNotExist();
    waiting.heartbeat();
    return { ok: true };
  }
}

const doesNotExist = (): TokenAnswer => ({
  ok: false,
  error: 'TaskDoesNotExist',
  message: 'Task Timed Out or does not exist',
});

/** An error the interpreter matches against Retry/Catch by its name. */
export function named(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

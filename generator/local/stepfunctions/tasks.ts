/**
 * Every Task state of a machine runs locally or fails: its Resource is looked up among the running
 * services' task handlers. A Resource nothing serves fails the state with `States.TaskFailed` and a
 * cause saying so (Retry/Catch see it as they would), logged without --verbose: the interpreter
 * would otherwise call the real Lambda Invoke API with the developer's credentials.
 *
 * `.waitForTaskToken` tasks get a token through `$$.Task.Token`, call their service, then wait for
 * SendTaskSuccess/SendTaskFailure naming it (HeartbeatSeconds honoured).
 */
import type { Json } from '../../template/types';
import { TaskError, type TaskHandler } from '../services/types';
import { allStates } from './overrides';
import { named, type TaskTokens } from './task-tokens';

export interface TaskState {
  readonly state: string;
  readonly resource: string;
  readonly heartbeatSeconds?: number;
  /** `.waitForTaskToken`: the state waits for SendTaskSuccess/Failure. */
  readonly waitsForToken: boolean;
}

/** Every Task state of a definition (Map iterators and Parallel branches included). */
export function taskStates(definition: Json): TaskState[] {
  return allStates(definition).flatMap(([state, body]) =>
    body.Type === 'Task' && typeof body.Resource === 'string'
      ? [
          {
            state,
            resource: body.Resource,
            waitsForToken: body.Resource.endsWith('.waitForTaskToken'),
            ...(typeof body.HeartbeatSeconds === 'number' ? { heartbeatSeconds: body.HeartbeatSeconds } : {}),
          },
        ]
      : [],
  );
}

export interface TaskRouting {
  taskFor(resource: string): TaskHandler | undefined;
  readonly tokens: TaskTokens;
  /** One line per unserved task call, always shown. */
  readonly report: (line: string) => void;
  /** One line per task call and result, with --verbose. */
  readonly trace?: (line: string) => void;
}

type LocalHandler = (input: unknown) => Promise<never>;

/** What one execution runs its Task states with: handlers by state name, and the context of `$$.Task.Token`. */
export function executionTasks(
  machineName: string,
  states: readonly TaskState[],
  routing: TaskRouting,
  signal: AbortSignal | undefined,
): { handlers: Record<string, LocalHandler>; context: Record<string, unknown> } {
  // `$$.Task.Token` is read while the state's Parameters are evaluated, just before its handler runs.
  let pending: string | undefined;
  const Task = {
    get Token() {
      pending ??= routing.tokens.issue();
      return pending;
    },
  };
  const handlers: Record<string, LocalHandler> = {};
  for (const { state, resource, heartbeatSeconds, waitsForToken } of states) {
    const handler = routing.taskFor(resource);
    handlers[state] = async (input) => {
      const taskToken = waitsForToken ? (pending ?? routing.tokens.issue()) : undefined;
      pending = undefined;
      routing.trace?.(`${machineName}: ${state} calls ${resource} with ${JSON.stringify(input)}`);
      if (!handler) {
        const cause = `${resource} does not run in wskit local: no local service serves it (wskit local never calls AWS)`;
        routing.report(`${machineName}: ${state} failed: ${cause}`);
        throw named('States.TaskFailed', cause);
      }
      // The token waits before the service is called: a handler may answer before its call returns.
      const answered = taskToken ? routing.tokens.wait(taskToken, heartbeatSeconds, signal) : undefined;
      try {
        const called = handler(input as Json, {
          resource,
          stateName: state,
          ...(taskToken ? { taskToken } : {}),
        });
        const result = answered
          ? await Promise.all([answered, called]).then(([output]) => output)
          : await called;
        routing.trace?.(`${machineName}: ${state} answered ${JSON.stringify(result)}`);
        return result as never;
      } catch (error) {
        const failure =
          error instanceof TaskError
            ? named(error.error, error.cause)
            : error instanceof Error && error.name !== 'Error'
              ? error
              : named('States.TaskFailed', (error as Error).message ?? String(error));
        routing.trace?.(`${machineName}: ${state} failed: ${failure.name}: ${failure.message}`);
        if (taskToken) routing.tokens.failure(taskToken, failure.name, failure.message); // no longer waited for
        throw failure;
      }
    };
  }
  return { handlers, context: { Task } };
}

/**
 * Runs the template's state machines in an ASL interpreter with StartSyncExecution and
 * StartExecution semantics and response shapes. Each machine is built (and validated) once.
 */
import './polyfill';
import { randomUUID } from 'node:crypto';
import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  type RunOptions,
  StateMachine,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import { LocalError } from '../errors';
import type { EventBus } from '../events/bus';
import type { ServiceResponse, TaskHandler } from '../services/types';
import type { LocalStateMachine } from '../types';
import { emitStateEvent } from './execution-events';
import { waitOverrides } from './overrides';
import { TaskTokens } from './task-tokens';
import { executionTasks, type TaskState, taskStates } from './tasks';

export interface StepFunctionsOptions {
  readonly waitScale: number;
  /** The local handler of a Task resource; none means the state fails with States.TaskFailed. */
  readonly taskFor: (resource: string) => TaskHandler | undefined;
  /** Lines always shown: a Task state that called a resource nothing serves. */
  readonly report: (line: string) => void;
  /** Receives one line per state event and task call when tracing. */
  readonly trace?: (line: string) => void;
  /** Told of each execution, its states and its end, while someone listens. */
  readonly events?: EventBus;
}

export interface StartRequest {
  readonly stateMachineArn?: unknown;
  readonly input?: unknown;
  readonly name?: unknown;
}

export interface PreparedMachine {
  readonly machine: LocalStateMachine;
  readonly interpreter: StateMachine;
  readonly runOptions: RunOptions;
  readonly tasks: readonly TaskState[];
}

type Outcome = { readonly status: 'SUCCEEDED'; readonly output: unknown } | ReturnType<typeof failureOf>;

const ERROR_PREFIX = 'com.amazonaws.swf.service.v2.model#';

export class StepFunctionsRunner {
  private prepared: ReadonlyMap<string, PreparedMachine> = new Map();
  private readonly running = new Set<() => void>();
  /** Tokens of `.waitForTaskToken` tasks, answered through SendTaskSuccess/Failure/Heartbeat. */
  readonly tokens = new TaskTokens();

  constructor(
    machines: ReadonlyMap<string, LocalStateMachine>,
    private readonly options: StepFunctionsOptions,
  ) {
    this.use(this.prepareAll(machines));
  }

  /** Builds (and validates) the machines of a template; throws on an invalid definition. */
  prepareAll(machines: ReadonlyMap<string, LocalStateMachine>): ReadonlyMap<string, PreparedMachine> {
    return new Map([...machines.values()].map((machine) => [machine.arn, this.prepare(machine)]));
  }

  /** Runs executions started from now on with these machines. */
  use(prepared: ReadonlyMap<string, PreparedMachine>): void {
    this.prepared = prepared;
  }

  /**
   * StartSyncExecution; `null` when `signal` aborts first (the execution is then stopped).
   * `anyType` lets a STANDARD machine run too (a parent's `states:startExecution.sync` task).
   */
  async startSync(
    request: StartRequest,
    signal?: AbortSignal,
    anyType = false,
  ): Promise<ServiceResponse | null> {
    const checked = this.check(request);
    if ('statusCode' in checked) return checked;
    const { prepared, input, name } = checked;
    if (prepared.machine.type !== 'EXPRESS' && !anyType) {
      return serviceError(
        400,
        'StateMachineTypeNotSupported',
        'This operation is not supported by this type of state machine',
      );
    }
    const started = Date.now();
    const outcome = await this.execute(prepared, input, signal);
    if (outcome === 'stopped') return null;
    const stopped = Date.now();
    const executionArn = `${prepared.machine.arn.replace(':stateMachine:', ':express:')}:${name}:${randomUUID()}`;
    return {
      statusCode: 200,
      body: {
        executionArn,
        stateMachineArn: prepared.machine.arn,
        name,
        startDate: started / 1000,
        stopDate: stopped / 1000,
        status: outcome.status,
        // StartSyncExecution echoes the input string exactly as it was sent, spacing included.
        input: typeof request.input === 'string' ? request.input : JSON.stringify(input),
        inputDetails: { included: true },
        ...(outcome.status === 'SUCCEEDED'
          ? { output: JSON.stringify(outcome.output), outputDetails: { included: true } }
          : { error: outcome.error, cause: outcome.cause }),
        billingDetails: {
          billedMemoryUsedInMB: 64,
          billedDurationInMilliseconds: Math.max(100, Math.ceil((stopped - started) / 100) * 100),
        },
      },
    };
  }

  /** StartExecution: answers at once; the execution runs on in the background. */
  startAsync(request: StartRequest): ServiceResponse {
    const checked = this.check(request);
    if ('statusCode' in checked) return checked;
    const { prepared, input, name } = checked;
    void this.execute(prepared, input);
    const kind = prepared.machine.type === 'EXPRESS' ? 'express' : 'execution';
    return {
      statusCode: 200,
      body: {
        executionArn: `${prepared.machine.arn.replace(':stateMachine:', `:${kind}:`)}:${name}`,
        startDate: Date.now() / 1000,
      },
    };
  }

  /** Stops every running execution. */
  close(): void {
    for (const abort of this.running) abort();
    this.running.clear();
  }

  private check(request: StartRequest) {
    const prepared = this.prepared.get(String(request.stateMachineArn));
    if (!prepared) {
      return serviceError(
        400,
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${String(request.stateMachineArn)}'`,
      );
    }
    let input: unknown = {};
    if (request.input !== undefined && request.input !== null) {
      try {
        input = JSON.parse(String(request.input));
      } catch (error) {
        return serviceError(
          400,
          'InvalidExecutionInput',
          `Invalid State Machine Execution Input: '${(error as Error).message}'`,
        );
      }
    }
    const name = typeof request.name === 'string' && request.name ? request.name : randomUUID();
    return { prepared, input, name };
  }

  /** One promise per execution: this runs for every message of a Step Functions route. */
  private execute(
    prepared: PreparedMachine,
    input: unknown,
    signal?: AbortSignal,
  ): Promise<Outcome | 'stopped'> {
    // A machine without Task states runs with the options prepared once: nothing is made per run.
    const stopped = prepared.tasks.some((task) => task.waitsForToken) ? new AbortController() : undefined;
    const execution = prepared.interpreter.run(
      input as never,
      prepared.tasks.length === 0 ? prepared.runOptions : this.taskOptions(prepared, stopped?.signal),
    );
    const abort = stopped
      ? () => {
          stopped.abort();
          execution.abort();
        }
      : execution.abort;
    this.running.add(abort);
    const events = this.options.events?.active ? this.options.events : undefined;
    const executionId = events ? randomUUID() : '';
    if (events) {
      const { arn, name } = prepared.machine;
      const told = events.detailed ? { input } : {};
      events.emit({
        type: 'execution.start',
        at: Date.now(),
        executionId,
        machineArn: arn,
        machineName: name,
        ...told,
      });
    }
    if (this.options.trace || events)
      void this.follow(prepared.machine.name, execution.eventLogs, executionId);
    const started = Date.now();
    return new Promise((resolve) => {
      const stop = () => {
        this.running.delete(abort);
        resolve('stopped');
        abort();
      };
      signal?.addEventListener('abort', stop, { once: true });
      const settle = (outcome: Outcome) => {
        signal?.removeEventListener('abort', stop);
        this.running.delete(abort);
        if (events) tellEnd(events, executionId, outcome, started);
        resolve(outcome);
      };
      execution.result.then(
        (output) => settle({ status: 'SUCCEEDED', output }),
        (error: unknown) => settle(failureOf(error)),
      );
    });
  }

  /** Reads the interpreter's event log: trace lines when tracing, state events for listeners. */
  private async follow(
    machineName: string,
    log: AsyncGenerator<unknown>,
    executionId: string,
  ): Promise<void> {
    const { events, trace } = this.options;
    try {
      for await (const event of log) {
        if (events && executionId) emitStateEvent(events, executionId, event);
        if (!trace) continue;
        const {
          type,
          state,
          Error: error,
        } = event as { type: string; state?: { name: string }; Error?: string };
        trace(`${machineName}: ${type}${state ? ` ${state.name}` : ''}${error ? ` (${error})` : ''}`);
      }
    } catch {
      // The execution's own result reports failures.
    }
  }

  private prepare(machine: LocalStateMachine): PreparedMachine {
    let interpreter: StateMachine;
    try {
      interpreter = new StateMachine(machine.definition as unknown as StateMachineDefinition, {
        validationOptions: { checkArn: false },
      });
    } catch (error) {
      throw new LocalError(
        'E_LOCAL_DEFINITION',
        `${machine.id}: invalid state machine definition: ${(error as Error).message}`,
        machine.id,
      );
    }
    const waits = waitOverrides(machine.definition, this.options.waitScale);
    return {
      machine,
      interpreter,
      runOptions: { overrides: waits ? { waitTimeOverrides: waits } : {} },
      tasks: taskStates(machine.definition),
    };
  }

  /** The run options of one execution of a machine with Task states: its handlers and `$$.Task.Token`. */
  private taskOptions(prepared: PreparedMachine, signal: AbortSignal | undefined): RunOptions {
    const routing = {
      taskFor: this.options.taskFor,
      tokens: this.tokens,
      report: this.options.report,
      ...(this.options.trace ? { trace: this.options.trace } : {}),
    };
    const { handlers, context } = executionTasks(prepared.machine.name, prepared.tasks, routing, signal);
    return { overrides: { ...prepared.runOptions.overrides, taskResourceLocalHandlers: handlers }, context };
  }
}

function tellEnd(events: EventBus, executionId: string, outcome: Outcome, started: number): void {
  const at = Date.now();
  const detail =
    outcome.status === 'SUCCEEDED'
      ? events.detailed
        ? { output: outcome.output }
        : {}
      : { error: outcome.error, cause: outcome.cause };
  events.emit({
    type: 'execution.end',
    at,
    executionId,
    status: outcome.status,
    durationMs: at - started,
    ...detail,
  });
}

function failureOf(error: unknown) {
  if (error instanceof ExecutionTimeoutError) {
    return { status: 'TIMED_OUT' as const, error: 'States.Timeout', cause: 'The execution timed out' };
  }
  if (error instanceof ExecutionAbortedError) {
    return { status: 'ABORTED' as const, error: 'States.Aborted', cause: 'The execution was stopped' };
  }
  const cause =
    error instanceof ExecutionError ? (error.cause as Error | undefined) : (error as Error | undefined);
  return {
    status: 'FAILED' as const,
    error: cause?.name ?? 'States.Runtime',
    cause: cause?.message ?? String(error),
  };
}

function serviceError(statusCode: number, type: string, message: string): ServiceResponse {
  return { statusCode, body: { __type: `${ERROR_PREFIX}${type}`, message } };
}

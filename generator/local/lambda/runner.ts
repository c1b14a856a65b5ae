/**
 * Runs the template's Lambda functions: one warm pool per function, each environment given the
 * variables Lambda would set plus local endpoints, so the same bundle runs here and on AWS. A
 * function whose runtime cannot run here fails each call with the reason, as a broken function does
 * on AWS: the routes that use it answer `Internal server error`, the rest of the API runs.
 */
import type { EventBus } from '../events/bus';
import type { LocalFunction } from '../types';
import { FunctionPool, type InvokeError, type InvokeOutcome } from './pool';
import { runtimeOf } from './runtimes';
import { REDIRECT_VARIABLE, type RedirectConfig } from './runtimes/types';

export interface LambdaRunnerOptions {
  readonly region: string;
  /** The local API's id: `https://<apiId>.execute-api.<region>.amazonaws.com` reaches the emulator. */
  readonly apiId?: string;
  /** Set for every function after the template's own variables: the local services' endpoints. */
  readonly environment?: Readonly<Record<string, string>>;
  /** `http://127.0.0.1:<port>/<stage>`: where the functions' @connections client should go. */
  readonly managementEndpoint: string;
  /** How handlers reach the AWS services wskit does not serve (see ../aws-access.ts). @default nothing */
  readonly awsEnvironment?: Readonly<Record<string, string>>;
  /** Under --offline: where every other request that would leave the machine goes, to be refused. */
  readonly offlineEndpoint?: string;
  readonly maxEnvironmentsPerFunction: number;
  readonly onOutput: (fn: LocalFunction, line: string, requestId?: string) => void;
  /** Told of every finished invocation while someone listens. */
  readonly events?: EventBus;
}

export class LambdaRunner {
  private readonly pools = new Map<string, FunctionPool>();

  constructor(
    private functions: ReadonlyMap<string, LocalFunction>,
    private readonly options: LambdaRunnerOptions,
  ) {}

  invoke(functionId: string, event: unknown): Promise<InvokeOutcome> {
    const pool = this.pools.get(functionId) ?? this.startPool(functionId);
    const outcome =
      pool instanceof FunctionPool
        ? pool.invoke(event)
        : Promise.resolve<InvokeOutcome>({ ok: false, error: pool, requestId: '' });
    const events = this.options.events;
    return events?.active ? told(events, functionId, event, outcome) : outcome;
  }

  /** A function's code changed: its next invocations run in fresh environments. */
  reload(functionId: string): void {
    this.pools.get(functionId)?.reload();
  }

  /**
   * The template changed: functions whose definition changed reload, removed ones stop, the rest
   * stay warm. Returns the ids of those that reload.
   */
  update(functions: ReadonlyMap<string, LocalFunction>): string[] {
    const reloaded: string[] = [];
    for (const [id, pool] of this.pools) {
      const next = functions.get(id);
      if (!next || next.runtime !== this.functions.get(id)?.runtime) {
        // Removed, or now run by another runtime: its next call (if any) starts a new pool.
        this.pools.delete(id);
        void pool.close();
        if (next) reloaded.push(id);
      } else if (JSON.stringify(next) !== JSON.stringify(this.functions.get(id))) {
        pool.update(next, lambdaEnvironment(next, this.options));
        reloaded.push(id);
      }
    }
    this.functions = functions;
    return reloaded;
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
    this.pools.clear();
  }

  /** The function's pool, or why its runtime cannot run here. */
  private startPool(functionId: string): FunctionPool | InvokeError {
    const fn = this.functions.get(functionId);
    if (!fn) throw new Error(`unknown function ${functionId}`);
    const choice = runtimeOf(fn);
    if (!choice.ok) return { errorType: 'Runtime.Unavailable', errorMessage: choice.reason };
    const pool = new FunctionPool(fn, {
      runtime: choice.runtime,
      environment: lambdaEnvironment(fn, this.options),
      maxEnvironments: this.options.maxEnvironmentsPerFunction,
      onOutput: (line, requestId) => this.options.onOutput(fn, line, requestId),
    });
    this.pools.set(functionId, pool);
    return pool;
  }
}

/** Emits the run once it finishes; payloads only for a detailed listener. */
function told(
  events: EventBus,
  functionId: string,
  event: unknown,
  pending: Promise<InvokeOutcome>,
): Promise<InvokeOutcome> {
  const started = Date.now();
  return pending.then((outcome) => {
    emitRun(events, functionId, event, outcome, started);
    return outcome;
  });
}

function emitRun(
  events: EventBus,
  functionId: string,
  event: unknown,
  outcome: InvokeOutcome,
  started: number,
): void {
  const at = Date.now();
  const detailed = events.detailed;
  events.emit({
    type: 'function.run',
    at,
    functionId,
    requestId: outcome.requestId,
    durationMs: at - started,
    ok: outcome.ok,
    ...(detailed ? { event } : {}),
    ...(outcome.ok ? (detailed ? { result: outcome.result } : {}) : { error: outcome.error }),
  });
}

/** What a function sees in its environment: the template's variables first, then what Lambda reserves. */
export function lambdaEnvironment(fn: LocalFunction, options: LambdaRunnerOptions): Record<string, string> {
  const choice = runtimeOf(fn);
  return {
    ...fn.environment,
    ...options.awsEnvironment,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    LAMBDA_TASK_ROOT: fn.codeDir,
    AWS_REGION: options.region,
    AWS_DEFAULT_REGION: options.region,
    ...(choice.ok ? choice.runtime.environment(choice.name) : {}),
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...options.environment,
    MANAGEMENT_API_ENDPOINT: options.managementEndpoint,
    [REDIRECT_VARIABLE]: JSON.stringify(redirectConfig(options)),
  };
}

/** Where the https addresses of the local API go, for every runtime. */
function redirectConfig(options: LambdaRunnerOptions): RedirectConfig {
  const emulator = new URL(options.managementEndpoint).origin;
  return {
    emulator,
    ...(options.apiId ? { apiId: options.apiId } : {}),
    ...(options.offlineEndpoint ? { offline: options.offlineEndpoint } : {}),
  };
}

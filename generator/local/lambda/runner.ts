/**
 * Runs the template's Lambda functions: one warm pool per function, each environment given the
 * variables Lambda would set plus local endpoints, so the same bundle runs here and on AWS.
 */
import { packagePath } from '../../paths';
import type { LocalFunction } from '../types';
import { FunctionPool, type InvokeOutcome } from './pool';

export interface LambdaRunnerOptions {
  readonly region: string;
  /** `http://127.0.0.1:<port>` of the local DynamoDB, if the template has tables. */
  readonly dynamoEndpoint?: string;
  /** `http://127.0.0.1:<port>/<stage>`: where the functions' @connections client should go. */
  readonly managementEndpoint: string;
  /** How handlers reach AWS and the emulator's https addresses (see ../aws-access.ts). */
  readonly awsEnvironment: Readonly<Record<string, string>>;
  readonly maxEnvironmentsPerFunction: number;
  readonly onOutput: (fn: LocalFunction, line: string) => void;
}

export class LambdaRunner {
  private readonly pools = new Map<string, FunctionPool>();

  constructor(
    private functions: ReadonlyMap<string, LocalFunction>,
    private readonly options: LambdaRunnerOptions,
  ) {}

  invoke(functionId: string, event: unknown): Promise<InvokeOutcome> {
    return this.pool(functionId).invoke(event);
  }

  /** A Task state's function reference (ARN, partial ARN or name) → the template function it names. */
  invokeReference(ref: string, event: unknown): Promise<InvokeOutcome> {
    const name = ref
      .replace(/:(\$LATEST|\d+)$/, '')
      .split(':')
      .at(-1);
    const fn = [...this.functions.values()].find((f) => f.arn === ref || f.name === name || f.id === name);
    return this.invoke(fn?.id ?? ref, event);
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
      if (!next) {
        this.pools.delete(id);
        void pool.close();
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

  private pool(functionId: string): FunctionPool {
    let pool = this.pools.get(functionId);
    if (!pool) {
      const fn = this.functions.get(functionId);
      if (!fn) throw new Error(`unknown function ${functionId}`);
      pool = new FunctionPool(fn, {
        environment: lambdaEnvironment(fn, this.options),
        maxEnvironments: this.options.maxEnvironmentsPerFunction,
        onOutput: (line) => this.options.onOutput(fn, line),
      });
      this.pools.set(functionId, pool);
    }
    return pool;
  }
}

/** What a function sees in process.env: the template's variables first, then what Lambda reserves. */
export function lambdaEnvironment(fn: LocalFunction, options: LambdaRunnerOptions): Record<string, string> {
  return {
    ...fn.environment,
    ...options.awsEnvironment,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    NODE_PATH: packagePath('node_modules'),
    LAMBDA_TASK_ROOT: fn.codeDir,
    AWS_REGION: options.region,
    AWS_DEFAULT_REGION: options.region,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...(options.dynamoEndpoint ? { AWS_ENDPOINT_URL_DYNAMODB: options.dynamoEndpoint } : {}),
    MANAGEMENT_API_ENDPOINT: options.managementEndpoint,
  };
}

/** Lambda functions bundled from TypeScript sources. */
import { ModelError, show } from '../errors';
import { checkId, checkOneOf, checkPattern, checkRange } from './check';
import { DEFAULTS } from './defaults';
import {
  ARCHITECTURES,
  type Architecture,
  type EnvironmentValue,
  type EventSource,
  type Grant,
  type LambdaFunction,
  RUNTIMES,
  type Runtime,
} from './types';

export interface FunctionProps {
  /** Source file; a relative path is resolved from the app file's folder (or the current directory). */
  readonly entry: string;
  /** Exported handler name. @default 'handler' */
  readonly handler?: string;
  /** @default 'nodejs22.x' */
  readonly runtime?: Runtime;
  /** @default 'arm64' */
  readonly architecture?: Architecture;
  /** @default 256 */
  readonly memorySizeMb?: number;
  /** @default 10 */
  readonly timeoutSeconds?: number;
  readonly description?: string;
  readonly environment?: Readonly<Record<string, EnvironmentValue>>;
  readonly grants?: readonly Grant[];
  /** Queues, topics and buses that invoke the function (see sqsEvent, snsEvent, eventBridgeEvent). */
  readonly events?: readonly EventSource[];
}

/** Variables the Lambda runtime sets itself; a function may not override them. */
const RESERVED_ENVIRONMENT =
  /^(_HANDLER|_X_AMZN_TRACE_ID|AWS_REGION|AWS_EXECUTION_ENV|AWS_LAMBDA_.*|AWS_ACCESS_KEY.*|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|LAMBDA_TASK_ROOT|LAMBDA_RUNTIME_DIR)$/;

/** A Lambda function bundled from TypeScript by esbuild. Makes `AWS::Serverless::Function`. */
export function lambdaFunction(id: string, props: FunctionProps): LambdaFunction {
  const path = `function ${show(id)}`;
  checkId(path, id);
  if (typeof props.entry !== 'string' || props.entry.length === 0) {
    throw new ModelError(
      'E_MODEL_ENTRY',
      `${path}: entry must be the path of a .ts or .js source file`,
      path,
    );
  }
  const environment = props.environment ?? {};
  for (const name of Object.keys(environment)) {
    checkPattern(
      `${path} environment`,
      name,
      /^[A-Za-z][A-Za-z0-9_]*$/,
      'a variable name of letters, digits and _',
    );
    if (RESERVED_ENVIRONMENT.test(name)) {
      throw new ModelError(
        'E_MODEL_ENV',
        `${path}: environment variable ${show(name)} is reserved by the Lambda runtime`,
        path,
      );
    }
  }
  return {
    kind: 'function',
    id,
    entry: props.entry,
    handler: checkPattern(
      `${path} handler`,
      props.handler ?? DEFAULTS.handler,
      /^[A-Za-z_$][A-Za-z0-9_$]*$/,
      'an exported function name',
    ),
    runtime: checkOneOf(`${path} runtime`, props.runtime ?? DEFAULTS.runtime, RUNTIMES),
    architecture: checkOneOf(
      `${path} architecture`,
      props.architecture ?? DEFAULTS.architecture,
      ARCHITECTURES,
    ),
    memorySizeMb: checkRange(
      `${path} memorySizeMb`,
      props.memorySizeMb ?? DEFAULTS.memorySizeMb,
      128,
      10_240,
      'MB',
    ),
    timeoutSeconds: checkRange(
      `${path} timeoutSeconds`,
      props.timeoutSeconds ?? DEFAULTS.timeoutSeconds,
      1,
      900,
      'seconds',
    ),
    ...(props.description === undefined ? {} : { description: props.description }),
    environment,
    grants: props.grants ?? [],
    events: props.events ?? [],
  };
}

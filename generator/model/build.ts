/**
 * Factories for the app model. Each one checks its own input and fills in defaults, so an invalid
 * item fails where it is created, with a message that names it. `webSocketApp` then checks the
 * whole: unique route keys, unique logical ids, one object per id.
 *
 * @example
 * const table = connectionsTable('Connections');
 * const onConnect = lambdaFunction('OnConnect', {
 *   entry: 'functions/connect.ts',
 *   environment: { TABLE_NAME: tableName(table) },
 *   grants: [grantTable(table, ['dynamodb:PutItem'])],
 * });
 * export default webSocketApp({ name: 'chat', routes: [route('$connect', lambdaIntegration(onConnect))] });
 */
import { ModelError, show } from '../errors';
import type { Json } from '../template/types';
import { checkId, checkOneOf, checkPattern, checkRange } from './check';
import { DEFAULTS } from './defaults';
import {
  type App,
  ARCHITECTURES,
  type Architecture,
  CONNECTIONS_METHODS,
  type ConnectionsMethod,
  type EnvironmentValue,
  type Grant,
  type Integration,
  type LambdaFunction,
  type LambdaIntegration,
  type Route,
  RUNTIMES,
  type Runtime,
  STATE_MACHINE_LOG_LEVELS,
  type StateMachine,
  type StateMachineLogLevel,
  type StepFunctionsSyncIntegration,
  type Table,
} from './types';
import { validateApp } from './validate-app';

export interface TableProps {
  /** @default 'connectionId' */
  readonly partitionKey?: string;
  /** @default 'ttl' */
  readonly ttlAttribute?: string;
}

/** A DynamoDB table keyed by connection id, with TTL, billed per request. Makes `AWS::DynamoDB::Table`. */
export function connectionsTable(id: string, props: TableProps = {}): Table {
  const path = `table ${show(id)}`;
  const attribute = /^[A-Za-z0-9_.-]{1,255}$/;
  return {
    kind: 'table',
    id: checkId(path, id),
    partitionKey: checkPattern(
      `${path} partitionKey`,
      props.partitionKey ?? DEFAULTS.tablePartitionKey,
      attribute,
      'an attribute name',
    ),
    ttlAttribute: checkPattern(
      `${path} ttlAttribute`,
      props.ttlAttribute ?? DEFAULTS.tableTtlAttribute,
      attribute,
      'an attribute name',
    ),
  };
}

/** The table's name, for a function's environment. */
export const tableName = (table: Table): EnvironmentValue => ({ kind: 'tableName', table });

/** Allows these DynamoDB actions on this one table. */
export function grantTable(table: Table, actions: readonly string[]): Grant {
  const path = `grant on table ${show(table.id)}`;
  if (actions.length === 0) throw new ModelError('E_MODEL_GRANT', `${path}: list at least one action`, path);
  for (const action of actions)
    checkPattern(
      `${path} action`,
      action,
      /^dynamodb:[A-Za-z]+$/,
      'a DynamoDB action such as "dynamodb:PutItem"',
    );
  return { kind: 'table', table, actions: [...new Set(actions)].sort() };
}

/** Allows calling this API's `@connections` endpoint with these methods (POST sends to a client). */
export function grantConnections(methods: readonly ConnectionsMethod[]): Grant {
  if (methods.length === 0)
    throw new ModelError('E_MODEL_GRANT', 'grant on @connections: list at least one method');
  for (const method of methods) checkOneOf('grant on @connections method', method, CONNECTIONS_METHODS);
  return { kind: 'connections', methods: [...new Set(methods)].sort() };
}

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
  };
}

export interface StateMachineProps {
  /** Parsed ASL definition (see `readStateMachineDefinition`). */
  readonly definition: Json;
  /** @default `<id in kebab case>.asl.json` */
  readonly definitionFileName?: string;
  /** @default 'ALL' (without execution data) */
  readonly logLevel?: StateMachineLogLevel;
}

/** An EXPRESS state machine, as StartSyncExecution requires. Makes `AWS::Serverless::StateMachine`. */
export function expressStateMachine(id: string, props: StateMachineProps): StateMachine {
  const path = `state machine ${show(id)}`;
  checkId(path, id);
  const definition = props.definition;
  if (
    !definition ||
    typeof definition !== 'object' ||
    Array.isArray(definition) ||
    !('States' in definition)
  ) {
    throw new ModelError(
      'E_MODEL_DEFINITION',
      `${path}: definition must be an ASL object with StartAt and States`,
      path,
    );
  }
  return {
    kind: 'stateMachine',
    id,
    definition,
    definitionFileName: checkPattern(
      `${path} definitionFileName`,
      props.definitionFileName ?? `${kebabCase(id)}.asl.json`,
      /^[a-z0-9][a-z0-9._-]*\.asl\.json$/,
      'a lower-case file name ending in .asl.json',
    ),
    logLevel: checkOneOf(
      `${path} logLevel`,
      props.logLevel ?? DEFAULTS.stateMachineLogLevel,
      STATE_MACHINE_LOG_LEVELS,
    ),
  };
}

const integrationTimeout = (path: string, value: number | undefined) =>
  checkRange(
    `${path} timeoutMillis`,
    value ?? DEFAULTS.integrationTimeoutMillis,
    50,
    DEFAULTS.integrationTimeoutMillis,
    'milliseconds',
  );

/** Lambda proxy integration (`AWS_PROXY`), with an invoke permission scoped to this API and route. */
export function lambdaIntegration(
  fn: LambdaFunction,
  options: { readonly timeoutMillis?: number } = {},
): LambdaIntegration {
  return {
    kind: 'lambda',
    function: fn,
    timeoutMillis: integrationTimeout(`integration of ${show(fn.id)}`, options.timeoutMillis),
  };
}

export interface StepFunctionsSyncOptions {
  /** VTL rendering the StartSyncExecution request; `${StateMachineArn}` is replaced at deploy time. */
  readonly requestTemplate: string;
  /** VTL reshaping the StartSyncExecution response. @default - the response is passed through */
  readonly responseTemplate?: string;
  /** @default 29000 */
  readonly timeoutMillis?: number;
}

/** AWS integration calling `states:StartSyncExecution`, with a role allowed only that, on only this machine. */
export function stepFunctionsSyncIntegration(
  stateMachine: StateMachine,
  options: StepFunctionsSyncOptions,
): StepFunctionsSyncIntegration {
  const path = `integration of state machine ${show(stateMachine.id)}`;
  if (!options.requestTemplate.includes('${StateMachineArn}')) {
    throw new ModelError(
      'E_MODEL_TEMPLATE',
      `${path}: requestTemplate must contain \${StateMachineArn}`,
      path,
    );
  }
  return {
    kind: 'stepFunctionsSync',
    stateMachine,
    requestTemplate: options.requestTemplate,
    ...(options.responseTemplate === undefined ? {} : { responseTemplate: options.responseTemplate }),
    timeoutMillis: integrationTimeout(path, options.timeoutMillis),
  };
}

export const PREDEFINED_ROUTE_KEYS = ['$connect', '$disconnect', '$default'] as const;

export interface RouteOptions {
  /** Send the integration's result back to the client. @default false */
  readonly twoWay?: boolean;
  /** Logical id stem of the route's resources. @default - derived from the route key */
  readonly id?: string;
}

/** A route: its key, what it invokes, and whether it answers. Makes `AWS::ApiGatewayV2::Route` and friends. */
export function route(routeKey: string, integration: Integration, options: RouteOptions = {}): Route {
  const path = `route ${show(routeKey)}`;
  if (typeof routeKey !== 'string' || routeKey.length === 0 || routeKey.length > 128) {
    throw new ModelError('E_MODEL_ROUTE_KEY', `${path}: a route key is 1 to 128 characters`, path);
  }
  if (routeKey.startsWith('$') && !(PREDEFINED_ROUTE_KEYS as readonly string[]).includes(routeKey)) {
    throw new ModelError(
      'E_MODEL_ROUTE_KEY',
      `${path}: keys starting with $ are reserved; use "$connect", "$disconnect", "$default" or a key without $`,
      path,
    );
  }
  if (!integration || (integration.kind !== 'lambda' && integration.kind !== 'stepFunctionsSync')) {
    throw new ModelError(
      'E_MODEL_INTEGRATION',
      `${path}: has no integration; pass lambdaIntegration(...) or stepFunctionsSyncIntegration(...)`,
      path,
    );
  }
  const twoWay = options.twoWay ?? false;
  if (twoWay && (routeKey === '$connect' || routeKey === '$disconnect')) {
    throw new ModelError(
      'E_MODEL_TWO_WAY',
      `${path}: cannot be two-way; only message routes send responses`,
      path,
    );
  }
  const id = options.id ?? routeIdFromKey(routeKey);
  return { kind: 'route', routeKey, id: checkId(`${path} id`, id), integration, twoWay };
}

/** `$connect` → `Connect`, `send-message` → `SendMessage`, `2fa` → `Route2fa`. */
export function routeIdFromKey(routeKey: string): string {
  const words = routeKey.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const id = words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
  return /^[0-9]/.test(id) ? `Route${id}` : id;
}

export function kebabCase(id: string): string {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

export interface AppProps {
  /** Letters, digits and hyphens; used for the API name and the default stack name. */
  readonly name: string;
  /** @default - a description naming the app */
  readonly description?: string;
  /** @default '$request.body.action' */
  readonly routeSelectionExpression?: string;
  readonly stage?: {
    /** Default of the StageName parameter. @default 'prod' */
    readonly name?: string;
    /** @default 500 */
    readonly throttlingBurstLimit?: number;
    /** @default 1000 */
    readonly throttlingRateLimit?: number;
    /** @default 30 */
    readonly logRetentionDays?: number;
  };
  readonly routes: readonly Route[];
}

/** The WebSocket API with its stage and deployment, and everything its routes reach. */
export function webSocketApp(props: AppProps): App {
  const path = 'app';
  const name = checkPattern(
    `${path} name`,
    props.name,
    /^[A-Za-z][A-Za-z0-9-]{0,63}$/,
    'letters, digits and hyphens, starting with a letter, at most 64',
  );
  const stage = props.stage ?? {};
  const app: App = {
    kind: 'app',
    name,
    description: props.description ?? `${name}: WebSocket API on Amazon API Gateway`,
    routeSelectionExpression: checkPattern(
      `${path} routeSelectionExpression`,
      props.routeSelectionExpression ?? DEFAULTS.routeSelectionExpression,
      /^(\$request\.body\.[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*|\$\{request\.body\.[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*\})$/,
      'a JSON path into the message such as "$request.body.action"',
    ),
    stage: {
      defaultName: checkStageName(stage.name ?? DEFAULTS.stageName),
      throttlingBurstLimit: checkRange(
        'stage throttlingBurstLimit',
        stage.throttlingBurstLimit ?? DEFAULTS.throttlingBurstLimit,
        0,
        5000,
        'requests',
      ),
      throttlingRateLimit: checkRange(
        'stage throttlingRateLimit',
        stage.throttlingRateLimit ?? DEFAULTS.throttlingRateLimit,
        0,
        10_000,
        'requests per second',
      ),
      accessLogRetentionDays: checkRetentionDays(stage.logRetentionDays ?? DEFAULTS.logRetentionDays),
    },
    routes: props.routes,
  };
  validateApp(app);
  return app;
}

export function checkStageName(value: unknown): string {
  return checkPattern(
    'stage name',
    value,
    /^[A-Za-z0-9_-]{1,128}$/,
    'letters, digits, hyphens and underscores, 1 to 128',
  );
}

/** The retention periods CloudWatch Logs accepts. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

function checkRetentionDays(days: number): number {
  if (!LOG_RETENTION_DAYS.includes(days)) {
    throw new ModelError(
      'E_MODEL_VALUE',
      `stage logRetentionDays: ${show(days)} is not allowed; use one of ${LOG_RETENTION_DAYS.join(', ')}`,
    );
  }
  return days;
}

/** Routes, and the app that holds them with its API and stage settings. */
import { ModelError, show } from '../errors';
import { checkId, checkOneOf, checkPattern, checkRange } from './check';
import { DEFAULTS } from './defaults';
import { routeIdFromKey } from './names';
import {
  type App,
  type Authorizer,
  type Integration,
  type LambdaFunction,
  type Queue,
  type Route,
  TEMPLATE_FORMS,
  type TemplateForm,
} from './types';
import { validateApp } from './validate-app';

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
  if (!integration || !['lambda', 'stepFunctionsSync', 'service', 'mock'].includes(integration.kind)) {
    throw new ModelError(
      'E_MODEL_INTEGRATION',
      `${path}: has no integration; pass lambdaIntegration(...), stepFunctionsSyncIntegration(...), serviceIntegration(...) or mockIntegration()`,
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
  /** Functions no route invokes, run by their `events` (queue consumers, subscribers, rule targets). @default none */
  readonly consumers?: readonly LambdaFunction[];
  /** Queues no function reads (an archive subscribed to a topic, say). @default none */
  readonly queues?: readonly Queue[];
  /** Guards `$connect` (the app needs a `$connect` route). @default - anyone may connect */
  readonly authorizer?: Authorizer;
  /** `sam` writes SAM's `AWS::Serverless::WebSocketApi` (Lambda routes only). @default 'raw' */
  readonly form?: TemplateForm;
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
    form: checkOneOf('app form', props.form ?? 'raw', TEMPLATE_FORMS),
    ...(props.consumers?.length ? { consumers: props.consumers } : {}),
    ...(props.queues?.length ? { queues: props.queues } : {}),
    ...(props.authorizer ? { authorizer: props.authorizer } : {}),
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

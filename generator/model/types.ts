/**
 * The app model: plain, readonly data describing a WebSocket API and what backs it. Factories in
 * ./build.ts create and validate these; ../synth turns an App into a CloudFormation template.
 */
import type { Json } from '../template/types';

export const RUNTIMES = ['nodejs22.x', 'nodejs24.x'] as const;
export type Runtime = (typeof RUNTIMES)[number];

export const ARCHITECTURES = ['arm64', 'x86_64'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

/** A DynamoDB table, e.g. the connections table of a chat API. */
export interface Table {
  readonly kind: 'table';
  /** Logical id stem: `Connections` becomes the `ConnectionsTable` resource. */
  readonly id: string;
  readonly partitionKey: string;
  /** Attribute holding an epoch-seconds expiry time; DynamoDB deletes expired items. */
  readonly ttlAttribute: string;
}

/** A value of a function's environment variable. */
export type EnvironmentValue =
  | string
  | { readonly kind: 'tableName'; readonly table: Table }
  /** `https://<api>.execute-api.<region>.<suffix>/<stage>`, for functions no WebSocket event invokes. */
  | { readonly kind: 'connectionsEndpoint' }
  /** A template parameter given at deploy time and never shown (NoEcho), such as a shared secret. */
  | { readonly kind: 'secretParameter'; readonly name: string; readonly description: string };

/** What a function may do, each scoped to one resource of this app. */
export type Grant =
  | { readonly kind: 'table'; readonly table: Table; readonly actions: readonly string[] }
  /** `execute-api:ManageConnections` on this API's stage, for these `@connections` methods. */
  | { readonly kind: 'connections'; readonly methods: readonly ConnectionsMethod[] };

export const CONNECTIONS_METHODS = ['POST', 'GET', 'DELETE'] as const;
export type ConnectionsMethod = (typeof CONNECTIONS_METHODS)[number];

/** A Lambda function built from a TypeScript (or JavaScript) source file. */
export interface LambdaFunction {
  readonly kind: 'function';
  /** Logical id stem: `OnConnect` becomes the `OnConnectFunction` resource. */
  readonly id: string;
  /** Source file esbuild bundles; relative paths are resolved from the app's base directory. */
  readonly entry: string;
  /** Name of the exported handler function in `entry`. */
  readonly handler: string;
  readonly runtime: Runtime;
  readonly architecture: Architecture;
  readonly memorySizeMb: number;
  readonly timeoutSeconds: number;
  readonly description?: string;
  readonly environment: Readonly<Record<string, EnvironmentValue>>;
  readonly grants: readonly Grant[];
  /** Queues, topics and buses that invoke the function. */
  readonly events: readonly EventSource[];
}

/** An SQS queue with its dead-letter queue. Makes two `AWS::SQS::Queue` resources. */
export interface Queue {
  readonly kind: 'queue';
  /** Logical id stem: `Messages` becomes `MessagesQueue` and `MessagesDeadLetterQueue`. */
  readonly id: string;
  readonly visibilityTimeoutSeconds: number;
  /** Receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** Topics this queue is subscribed to, with raw message delivery. */
  readonly topics: readonly Topic[];
}

/** An SNS topic. Makes `AWS::SNS::Topic`. */
export interface Topic {
  readonly kind: 'topic';
  readonly id: string;
}

/** A custom EventBridge event bus. Makes `AWS::Events::EventBus`. */
export interface EventBus {
  readonly kind: 'eventBus';
  readonly id: string;
}

/** What invokes a function besides API Gateway. */
export type EventSource =
  /** An event source mapping that reports failed items, so only those are retried. */
  | {
      readonly kind: 'sqs';
      readonly queue: Queue;
      readonly batchSize: number;
      readonly maximumBatchingWindowSeconds: number;
    }
  | { readonly kind: 'sns'; readonly topic: Topic; readonly filterPolicy?: Json }
  | { readonly kind: 'eventBridge'; readonly bus: EventBus; readonly pattern: Json };

/** An EXPRESS Step Functions state machine, defined by an ASL document. */
export interface StateMachine {
  readonly kind: 'stateMachine';
  /** Logical id stem: `Sync` becomes the `SyncStateMachine` resource. */
  readonly id: string;
  /** Parsed Amazon States Language definition. */
  readonly definition: Json;
  /** File name the definition is written to under `statemachine/` in the app. */
  readonly definitionFileName: string;
  readonly logLevel: StateMachineLogLevel;
  /** EXPRESS (synchronous, up to 5 minutes) or STANDARD (asynchronous, up to a year). */
  readonly type: StateMachineType;
  /** What its service tasks may do, each scoped to one resource of this app. */
  readonly grants: readonly Grant[];
}

export const STATE_MACHINE_TYPES = ['EXPRESS', 'STANDARD'] as const;
export type StateMachineType = (typeof STATE_MACHINE_TYPES)[number];

export const STATE_MACHINE_LOG_LEVELS = ['ALL', 'ERROR', 'FATAL', 'OFF'] as const;
export type StateMachineLogLevel = (typeof STATE_MACHINE_LOG_LEVELS)[number];

/** Lambda proxy integration: API Gateway passes the event to the function and returns its body. */
export interface LambdaIntegration {
  readonly kind: 'lambda';
  readonly function: LambdaFunction;
  readonly timeoutMillis: number;
}

/**
 * AWS service integration calling Step Functions StartSyncExecution through a VTL request template.
 * The response template, if any, reshapes the StartSyncExecution response for the client.
 */
export interface StepFunctionsSyncIntegration {
  readonly kind: 'stepFunctionsSync';
  readonly stateMachine: StateMachine;
  /** VTL; `${StateMachineArn}` is substituted with the state machine's ARN at deploy time. */
  readonly requestTemplate: string;
  readonly responseTemplate?: string;
  readonly timeoutMillis: number;
}

/** The AWS service actions a route can call straight from API Gateway, and what each acts on. */
export interface ServiceTargets {
  readonly 'sqs:SendMessage': Queue;
  readonly 'sns:Publish': Topic;
  readonly 'dynamodb:PutItem': Table;
  readonly 'dynamodb:DeleteItem': Table;
  readonly 'dynamodb:GetItem': Table;
  readonly 'events:PutEvents': EventBus;
  readonly 'states:StartExecution': StateMachine;
}
export type ServiceActionName = keyof ServiceTargets;

/**
 * AWS service integration: a VTL request template turns the message into one action on one
 * resource of this app, with a role allowed that action on that resource only.
 */
export interface ServiceIntegration<A extends ServiceActionName = ServiceActionName> {
  readonly kind: 'service';
  readonly action: A;
  readonly target: ServiceTargets[A];
  /** VTL; `${Target}` (the target's name, URL or ARN, as the action needs it) is substituted at deploy time. */
  readonly requestTemplate: string;
  readonly responseTemplate?: string;
  readonly timeoutMillis: number;
}

/** MOCK integration: API Gateway answers 200 itself, e.g. a `$connect` that only needs its authorizer. */
export interface MockIntegration {
  readonly kind: 'mock';
}

export type Integration =
  | LambdaIntegration
  | StepFunctionsSyncIntegration
  | ServiceIntegration
  | MockIntegration;

/**
 * A Lambda REQUEST authorizer on `$connect`, the only route API Gateway authorizes. Without its
 * identity source API Gateway refuses the handshake (401) without calling the function; the context
 * the function returns reaches every later event of the connection as `requestContext.authorizer`.
 */
export interface Authorizer {
  readonly kind: 'authorizer';
  /** Logical id stem: `Connect` becomes `ConnectAuthorizer`. */
  readonly id: string;
  readonly function: LambdaFunction;
  /** `route.request.querystring.<name>` or `route.request.header.<name>`. */
  readonly identitySource: readonly string[];
}

export interface Route {
  readonly kind: 'route';
  /** `$connect`, `$disconnect`, `$default` or a custom key matched by the route selection expression. */
  readonly routeKey: string;
  /** Logical id stem of the route's resources: `$connect` gives `ConnectRoute`, `ConnectIntegration`, ... */
  readonly id: string;
  readonly integration: Integration;
  /** Two-way routes send the integration's result back to the client. */
  readonly twoWay: boolean;
}

export interface Stage {
  /** Default of the `StageName` template parameter. */
  readonly defaultName: string;
  readonly throttlingBurstLimit: number;
  readonly throttlingRateLimit: number;
  readonly accessLogRetentionDays: number;
}

export interface App {
  readonly kind: 'app';
  /** Stack and API name stem, e.g. `chat`. */
  readonly name: string;
  readonly description: string;
  readonly routeSelectionExpression: string;
  readonly stage: Stage;
  readonly routes: readonly Route[];
  /** Functions no route invokes: queue consumers, topic subscribers, rule targets. */
  readonly consumers?: readonly LambdaFunction[];
  /** Queues no function reads, e.g. an archive subscribed to a topic. */
  readonly queues?: readonly Queue[];
  readonly authorizer?: Authorizer;
  /** `raw` ApiGatewayV2 resources, or SAM's `AWS::Serverless::WebSocketApi` (Lambda routes only). */
  readonly form: TemplateForm;
}

export const TEMPLATE_FORMS = ['raw', 'sam'] as const;
export type TemplateForm = (typeof TEMPLATE_FORMS)[number];

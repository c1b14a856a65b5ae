/**
 * The one contract every locally emulated AWS service implements (DynamoDB, SQS, SNS, EventBridge,
 * Step Functions, Lambda). API Gateway AWS integrations, Step Functions service tasks, the SDK calls
 * of handlers and event sources (SQS → Lambda, SNS → subscribers, rules → targets) all reach a
 * service through it, so a new service is one module and never a new switch elsewhere.
 *
 * A service claims resource types of the template, gives their Ref/GetAtt stand-ins, and when the
 * emulator starts returns the actions it answers (`sqs:SendMessage`), the Step Functions task
 * resources it serves (`arn:aws:states:::sqs:sendMessage`), and the endpoint handlers get for it.
 */
import type { Json, Resource, Template } from '../../template/types';
import type { InvokeOutcome } from '../lambda/pool';
import type { Logger } from '../log';
import type { LocalApp } from '../types';

/** What a Ref/GetAtt stand-in needs to know about the stack. */
export interface StandInContext {
  readonly template: Template;
  readonly region: string;
  readonly accountId: string;
  readonly stackName: string;
  /** Resolves intrinsics in a property value (a `TableName: !Sub ...`); `AWS::NoValue` gives undefined. */
  resolve(value: Json | undefined): Json | undefined;
}

/**
 * A service's answer, as the service's API gives it: the HTTP status API Gateway would see and the
 * JSON body (errors as `{ __type, message }`, the AWS JSON protocol's error shape).
 */
export interface ServiceResponse {
  readonly statusCode: number;
  readonly body: Record<string, unknown>;
  /** Headers the service sets beside the body, e.g. SQS's `x-amzn-query-error` for query-compatible SDKs. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One API action: the request in the service's JSON input shape (form fields already decoded).
 * `call.signal` aborts when the caller stops waiting (an API Gateway integration timeout), so work
 * the action started (a synchronous execution) can stop too.
 */
export type ServiceAction = (request: Record<string, unknown>, call?: ActionCall) => Promise<ServiceResponse>;

export interface ActionCall {
  readonly signal?: AbortSignal;
  /** From an API Gateway `path/` integration URI: what follows `path/` (`123456789012/MyQueue`). */
  readonly path?: string;
}

/** A Step Functions Task resource served locally: the state's effective input → its result, or throws a TaskError. */
export type TaskHandler = (input: Json, task: TaskContext) => Promise<Json>;

export interface TaskContext {
  /** The full Resource, e.g. `arn:aws:states:::sqs:sendMessage.waitForTaskToken`. */
  readonly resource: string;
  readonly stateName: string;
  /** Set for `.waitForTaskToken`: the token the task hands out. */
  readonly taskToken?: string;
}

/** A Task failure with the error name Step Functions reports (`SQS.QueueDoesNotExistException`). */
export class TaskError extends Error {
  constructor(
    readonly error: string,
    readonly cause: string,
  ) {
    super(`${error}: ${cause}`);
    this.name = 'TaskError';
  }
}

/** What the emulator gives every service when it starts. */
export interface ServiceHost {
  readonly host: string;
  readonly region: string;
  readonly accountId: string;
  readonly log: Logger;
  /** Multiplies Wait state durations (0: instant), as `--wait-scale` sets it. */
  readonly waitScale: number;
  /** False (`--no-schedules`): schedules fire only when asked to. @default true */
  readonly schedules?: boolean;
  /** Runs a function of the template (an event source delivery, a subscription, a rule target). */
  invokeFunction(functionId: string, event: unknown): Promise<InvokeOutcome>;
  /** Another running service's action, for services that deliver to each other (SNS → SQS). */
  action(name: string): ServiceAction | undefined;
  /** The handler of a Task resource, as `RunningServices.task` finds it (for the Step Functions runner). */
  task(resource: string): TaskHandler | undefined;
  /** `http://<host>:<port>` of the emulator: the `@connections` API and the SDK endpoint of the services. */
  readonly endpoint: string;
}

export interface LocalService {
  /** Short lowercase name used in logs and the banner: `sqs`. */
  readonly name: string;
  /** The template resource types this service runs: `['AWS::SQS::Queue']`. */
  readonly resourceTypes: readonly string[];
  /** The SAM function event types (`Events: ...: Type:`) this service delivers: `['SQS']`. */
  readonly eventTypes?: readonly string[];
  /** `!Ref` of a resource of this service (a queue URL, a topic ARN...). */
  ref?(logicalId: string, resource: Resource, ctx: StandInContext): Json;
  /** `!GetAtt`; undefined means "not an attribute this service knows". */
  getAtt?(logicalId: string, resource: Resource, attribute: string, ctx: StandInContext): Json | undefined;
  start(app: LocalApp, host: ServiceHost): Promise<RunningService>;
}

export interface RunningService {
  /** API actions by `<service>:<Action>`, e.g. `sqs:SendMessage`. */
  readonly actions?: Readonly<Record<string, ServiceAction>>;
  /** Step Functions task resources without the `.sync`/`.waitForTaskToken` suffix. */
  readonly tasks?: Readonly<Record<string, TaskHandler>>;
  /** Environment handlers get for this service, e.g. `AWS_ENDPOINT_URL_SQS`. */
  readonly environment?: Readonly<Record<string, string>>;
  /** Lines for the start banner: what this service serves. */
  readonly banner?: readonly string[];
  /**
   * The template changed under `--watch`. Throwing (a LocalError) refuses the change: the emulator
   * reports it and keeps the running app. Services that can refuse come first in the registry.
   */
  update?(app: LocalApp): void;
  close(): Promise<void>;
}

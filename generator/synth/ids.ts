/**
 * Logical ids are public API: renaming one replaces the resource on the next deploy. They are
 * derived here and nowhere else.
 */
import { kebabCase } from '../model/names';
import type {
  Authorizer,
  EventBus,
  LambdaFunction,
  Queue,
  Route,
  StateMachine,
  Table,
  Topic,
} from '../model/types';

export const API_ID = 'WebSocketApi';
export const STAGE_ID = 'Stage';
export const ACCESS_LOG_GROUP_ID = 'AccessLogGroup';
export const STAGE_NAME_PARAMETER = 'StageName';
export const ACCESS_LOGS_PARAMETER = 'EnableAccessLogs';
export const ACCESS_LOGS_CONDITION = 'AccessLogsEnabled';

/** API Gateway's escaped form of the `$default` key in template selection expressions. */
export const ESCAPED_DEFAULT = '\\$default';

/** The deployment's id carries a hash of the routes, so any route change makes a new deployment. */
export const deploymentId = (routesHash: string) => `Deployment${routesHash}`;

export const routeIds = (route: Route) => ({
  route: `${route.id}Route`,
  integration: `${route.id}Integration`,
  routeResponse: `${route.id}RouteResponse`,
  integrationResponse: `${route.id}IntegrationResponse`,
  permission: `${route.id}Permission`,
  /** The role API Gateway assumes for a service integration: that one action on that one resource. */
  integrationRole: `${route.id}IntegrationRole`,
});

export const functionIds = (fn: LambdaFunction) => ({
  function: `${fn.id}Function`,
  logGroup: `${fn.id}FunctionLogGroup`,
  /** Folder of the bundle inside the app, also the CodeUri. */
  codeDir: `functions/${kebabCase(fn.id)}`,
});

export const tableIds = (table: Table) => ({ table: `${table.id}Table` });

export const queueIds = (queue: Queue) => ({
  queue: `${queue.id}Queue`,
  deadLetterQueue: `${queue.id}DeadLetterQueue`,
});

export const topicIds = (topic: Topic) => ({ topic: `${topic.id}Topic` });

export const eventBusIds = (bus: EventBus) => ({ eventBus: `${bus.id}EventBus` });

export const stateMachineIds = (machine: StateMachine) => ({
  stateMachine: `${machine.id}StateMachine`,
  logGroup: `${machine.id}StateMachineLogGroup`,
  /** The role API Gateway assumes to start executions of this machine. */
  startRole: `${machine.id}StateMachineStartRole`,
  definitionPath: `statemachine/${machine.definitionFileName}`,
});

export const authorizerIds = (authorizer: Authorizer) => ({
  authorizer: `${authorizer.id}Authorizer`,
  permission: `${authorizer.id}AuthorizerPermission`,
});

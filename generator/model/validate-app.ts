/** Whole-app checks that no single factory can make: uniqueness of route keys and of ids. */
import { ModelError, show } from '../errors';
import type { App, EventBus, Grant, LambdaFunction, Queue, StateMachine, Table, Topic } from './types';

export function validateApp(app: App): void {
  if (!Array.isArray(app.routes) || app.routes.length === 0) {
    throw new ModelError('E_MODEL_NO_ROUTES', 'app routes: list at least one route', 'app.routes');
  }
  const keys = new Map<string, number>();
  const ids = new Map<string, string>();
  app.routes.forEach((route, index) => {
    const path = `routes[${index}]`;
    if (route?.kind !== 'route') {
      throw new ModelError('E_MODEL_ROUTE', `${path}: expected a route made with route(...)`, path);
    }
    const previous = keys.get(route.routeKey);
    if (previous !== undefined) {
      throw new ModelError(
        'E_MODEL_DUPLICATE_ROUTE',
        `${path}: route key ${show(route.routeKey)} is already used by routes[${previous}]`,
        path,
      );
    }
    keys.set(route.routeKey, index);
    const clash = ids.get(route.id);
    if (clash !== undefined) {
      throw new ModelError(
        'E_MODEL_DUPLICATE_ID',
        `${path}: route ${show(route.routeKey)} gets id ${show(route.id)} like route ${show(clash)}; pass route(key, integration, { id }) to tell them apart`,
        path,
      );
    }
    ids.set(route.id, route.routeKey);
  });
  if (app.authorizer && !app.routes.some((route) => route.routeKey === '$connect')) {
    throw new ModelError(
      'E_MODEL_AUTHORIZER',
      "app authorizer: API Gateway authorizes $connect only; add route('$connect', mockIntegration()) or another $connect route",
      'app.authorizer',
    );
  }
  collectParts(app);
}

export interface AppParts {
  readonly functions: readonly LambdaFunction[];
  readonly tables: readonly Table[];
  readonly stateMachines: readonly StateMachine[];
  readonly queues: readonly Queue[];
  readonly topics: readonly Topic[];
  readonly eventBuses: readonly EventBus[];
}

/** Everything the routes reach (functions, tables, machines, queues, topics, buses), in first-use order, each once. */
export function collectParts(app: App): AppParts {
  const functions = new Registry<LambdaFunction>('function');
  const tables = new Registry<Table>('table');
  const stateMachines = new Registry<StateMachine>('state machine');
  const queues = new Registry<Queue>('queue');
  const topics = new Registry<Topic>('topic');
  const eventBuses = new Registry<EventBus>('event bus');
  const addResource = (item: Table | StateMachine | Queue | Topic | EventBus) => {
    if (item.kind === 'table') tables.add(item);
    else if (item.kind === 'stateMachine') stateMachines.add(item);
    else if (item.kind === 'queue') queues.add(item);
    else if (item.kind === 'topic') topics.add(item);
    else eventBuses.add(item);
  };
  const addGrants = (grants: readonly Grant[]) => {
    for (const grant of grants) if (grant.kind === 'table') tables.add(grant.table);
  };
  for (const route of app.routes) {
    const integration = route.integration;
    if (integration.kind === 'stepFunctionsSync') {
      stateMachines.add(integration.stateMachine);
      addGrants(integration.stateMachine.grants);
      continue;
    }
    if (integration.kind === 'mock') continue;
    if (integration.kind === 'service') {
      addResource(integration.target);
      if (integration.target.kind === 'stateMachine') addGrants(integration.target.grants);
      continue;
    }
    functions.add(integration.function);
  }
  // Functions that only consume queues, topics or buses are part of the app through those.
  for (const fn of app.consumers ?? []) functions.add(fn);
  if (app.authorizer) functions.add(app.authorizer.function);
  for (const fn of functions.items) {
    for (const value of Object.values(fn.environment)) {
      if (typeof value !== 'string' && value.kind === 'tableName') tables.add(value.table);
    }
    addGrants(fn.grants);
    for (const event of fn.events) {
      if (event.kind === 'sqs') queues.add(event.queue);
      else if (event.kind === 'sns') topics.add(event.topic);
      else eventBuses.add(event.bus);
    }
  }
  for (const q of app.queues ?? []) queues.add(q);
  for (const q of queues.items) for (const t of q.topics) topics.add(t);
  return {
    functions: functions.items,
    tables: tables.items,
    stateMachines: stateMachines.items,
    queues: queues.items,
    topics: topics.items,
    eventBuses: eventBuses.items,
  };
}

/** Keeps one item per id, and refuses two different items under one id. */
class Registry<T extends { readonly id: string }> {
  private readonly byId = new Map<string, T>();
  constructor(private readonly noun: string) {}

  add(item: T): void {
    const known = this.byId.get(item.id);
    if (known === undefined) this.byId.set(item.id, item);
    else if (known !== item && JSON.stringify(known) !== JSON.stringify(item)) {
      throw new ModelError(
        'E_MODEL_DUPLICATE_ID',
        `${this.noun} ${show(item.id)}: two different ${this.noun}s share this id`,
        item.id,
      );
    }
  }

  get items(): readonly T[] {
    return [...this.byId.values()];
  }
}

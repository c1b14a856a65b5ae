/** Whole-app checks that no single factory can make: uniqueness of route keys and of ids. */
import { ModelError, show } from '../errors';
import type { App, LambdaFunction, StateMachine, Table } from './types';

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
  collectParts(app);
}

export interface AppParts {
  readonly functions: readonly LambdaFunction[];
  readonly tables: readonly Table[];
  readonly stateMachines: readonly StateMachine[];
}

/** The functions, tables and state machines the routes reach, in first-use order, each once. */
export function collectParts(app: App): AppParts {
  const functions = new Registry<LambdaFunction>('function');
  const tables = new Registry<Table>('table');
  const stateMachines = new Registry<StateMachine>('state machine');
  for (const route of app.routes) {
    const integration = route.integration;
    if (integration.kind === 'stepFunctionsSync') {
      stateMachines.add(integration.stateMachine);
      continue;
    }
    const fn = integration.function;
    functions.add(fn);
    for (const value of Object.values(fn.environment)) if (typeof value !== 'string') tables.add(value.table);
    for (const grant of fn.grants) if (grant.kind === 'table') tables.add(grant.table);
  }
  return { functions: functions.items, tables: tables.items, stateMachines: stateMachines.items };
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

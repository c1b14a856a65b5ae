/**
 * Routes whose AWS integration calls an action no running service answers cannot run locally: they
 * become `unavailable` (500 on use), each reported once when the app loads, and every other route
 * runs. On AWS the call would reach the service; here nothing leaves the machine.
 */
import type { Logger } from '../log';
import type { RunningServices } from '../services/registry';
import { unavailableIntegration } from '../template/load-routes';
import type { LocalApp, LocalRoute } from '../types';

export function withRunnableRoutes(app: LocalApp, aws: RunningServices, log: Logger): LocalApp {
  let changed = false;
  const routes = new Map<string, LocalRoute>();
  for (const [key, route] of app.routes) {
    const { integration } = route;
    if (
      integration.kind === 'aws' &&
      integration.functionId === undefined &&
      integration.action !== undefined &&
      !aws.action(integration.action)
    ) {
      changed = true;
      const reason = `${integration.action}: no local service runs this action`;
      routes.set(key, { ...route, integration: unavailableIntegration(integration.id, reason) });
    } else routes.set(key, route);
  }
  for (const route of routes.values()) {
    if (route.integration.kind === 'unavailable') {
      log.line(`route ${route.routeKey} answers 500: ${route.integration.reason}`);
    }
  }
  return changed ? { ...app, routes } : app;
}

/**
 * Rule 4, routes: route selection, unique route keys, route targets, answering routes and their
 * `$default` responses, and the escaped `\$default` of TemplateSelectionExpression.
 */
import { show } from '../../errors';
import type { LintContext, ResourceEntry } from '../types';
import { literal, routeTargetId, targetOf, type WebSocketApi, webSocketApis } from './websocket-model';

/** `$request.body.action`, `${request.body.action}`, `$request.body.a.b`, `$request.body['a-b']`. */
const ROUTE_SELECTION = /^(\$request\.body\.|\$\{request\.body\.)[A-Za-z0-9_$][\w$.[\]'"-]*\}?$/;
const PROXY_TYPES = ['AWS_PROXY', 'HTTP_PROXY'];

export function checkWebSocketRoutes(ctx: LintContext): void {
  for (const ws of webSocketApis(ctx)) {
    checkRouteSelection(ctx, ws);
    checkRouteKeys(ctx, ws);
    checkTargets(ctx, ws);
    checkAnsweringRoutes(ctx, ws);
    checkSelectionExpressions(ctx, ws);
  }
}

function checkRouteSelection(ctx: LintContext, { api }: WebSocketApi): void {
  const expression = api.properties.RouteSelectionExpression;
  const at = ['Resources', api.id, 'Properties'];
  if (expression === undefined) {
    ctx.report(
      'E9001',
      at,
      `${api.id}: a WEBSOCKET API needs a RouteSelectionExpression such as "$request.body.action"`,
    );
  } else if (typeof expression === 'string' && !ROUTE_SELECTION.test(expression)) {
    ctx.report(
      'E9001',
      [...at, 'RouteSelectionExpression'],
      `${api.id}: RouteSelectionExpression ${show(expression)} is not supported; use "$request.body.<field>" (for example "$request.body.action")`,
    );
  }
}

function checkRouteKeys(ctx: LintContext, { api, routes }: WebSocketApi): void {
  const seen = new Map<string, string>();
  for (const route of routes) {
    const key = literal(route.properties.RouteKey);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first)
      ctx.report(
        'E9002',
        ['Resources', route.id, 'Properties', 'RouteKey'],
        `${route.id}: route key ${show(key)} is already used by ${first} on ${api.id}; route keys must be unique per API`,
      );
    else seen.set(key, route.id);
  }
}

function checkTargets(ctx: LintContext, ws: WebSocketApi): void {
  for (const route of ws.routes) {
    const target = route.properties.Target;
    const at = ['Resources', route.id, 'Properties', 'Target'];
    if (target === undefined) {
      // An integration on $connect is optional: without one, the connection is made once authorized.
      if (literal(route.properties.RouteKey) === '$connect') continue;
      ctx.report(
        'W9003',
        ['Resources', route.id, 'Properties'],
        `${route.id}: route ${show(route.properties.RouteKey)} has no Target, so messages to it reach no integration`,
      );
      continue;
    }
    const { id, wellFormed } = routeTargetId(target);
    if (!wellFormed) {
      ctx.report(
        'E9003',
        at,
        `${route.id}: Target must be "integrations/<IntegrationId>" (for example !Sub integrations/\${MyIntegration}), got ${show(target)}`,
      );
    } else if (id !== undefined) {
      const integration = ctx.byId.get(id);
      if (integration?.type !== 'AWS::ApiGatewayV2::Integration') {
        ctx.report(
          'E9003',
          at,
          `${route.id}: Target names ${show(id)}, which is not an AWS::ApiGatewayV2::Integration`,
        );
      } else if (!ws.integrations.includes(integration)) {
        ctx.report(
          'E9003',
          at,
          `${route.id}: Target names integration ${id}, which belongs to another API than ${ws.api.id}`,
        );
      }
    }
  }
}

/**
 * Whether an integration response key sends back a successful call's result: `$default`, or a
 * `/regex/` on the status code that a 200 matches (`/200/`, `/2\d\d/`).
 */
function answersSuccess(key: unknown): boolean {
  if (key === '$default') return true;
  const pattern = typeof key === 'string' ? /^\/(.+)\/$/.exec(key) : null;
  if (!pattern) return false;
  try {
    return new RegExp(pattern[1]).test('200');
  } catch {
    return false;
  }
}

/**
 * A route answers when it has a RouteResponseSelectionExpression or a RouteResponse; `$disconnect`
 * never does (the client is gone), whatever it declares.
 */
function checkAnsweringRoutes(ctx: LintContext, ws: WebSocketApi): void {
  for (const route of ws.routes) {
    if (route.properties.RouteKey === '$disconnect') continue;
    const responses = ws.routeResponses.filter((r) => targetOf(r.properties.RouteId) === route.id);
    const answers = route.properties.RouteResponseSelectionExpression !== undefined || responses.length > 0;
    const integrationId = routeTargetId(route.properties.Target).id;
    const integration = integrationId ? ctx.byId.get(integrationId) : undefined;
    const integrationResponses = ws.integrationResponses.filter(
      (r) => targetOf(r.properties.IntegrationId) === integrationId,
    );
    if (!answers) {
      if (integration && integrationResponses.length > 0 && route.properties.RouteKey !== '$connect') {
        ctx.report(
          'W9006',
          ['Resources', route.id],
          `${route.id}: integration ${integration.id} has IntegrationResponses, but the route has no RouteResponse, so clients never receive them`,
        );
      }
      continue;
    }
    if (!responses.some((r) => r.properties.RouteResponseKey === '$default')) {
      ctx.report(
        'E9006',
        ['Resources', route.id],
        `${route.id}: the route is meant to answer (it has ${route.properties.RouteResponseSelectionExpression !== undefined ? 'a RouteResponseSelectionExpression' : 'a RouteResponse'}) but has no RouteResponse with RouteResponseKey "$default"`,
      );
    }
    const type = integration?.properties.IntegrationType;
    if (integration && typeof type === 'string' && !PROXY_TYPES.includes(type)) {
      if (!integrationResponses.some((r) => answersSuccess(r.properties.IntegrationResponseKey))) {
        ctx.report(
          'E9007',
          ['Resources', integration.id],
          `${integration.id}: the ${type} integration behind answering route ${route.id} has no IntegrationResponse for a successful call (IntegrationResponseKey "$default" or a status pattern such as "/2\\d\\d/"), so nothing is sent back`,
        );
      }
    }
  }
}

function checkSelectionExpressions(ctx: LintContext, ws: WebSocketApi): void {
  for (const r of [...ws.integrations, ...ws.integrationResponses]) {
    if (r.properties.TemplateSelectionExpression === '$default') {
      ctx.report(
        'E9010',
        ['Resources', r.id, 'Properties', 'TemplateSelectionExpression'],
        `${r.id}: TemplateSelectionExpression "$default" is read as a selection expression; write the escaped literal "\\$default"`,
      );
    }
  }
  // WebSocket APIs support only `$default` as a route response key and selection expression.
  const onlyDefault = (resources: readonly ResourceEntry[], property: string) => {
    for (const r of resources) {
      const value = r.properties[property];
      if (typeof value === 'string' && value !== '$default') {
        ctx.report(
          'E9011',
          ['Resources', r.id, 'Properties', property],
          `${r.id}: ${property} ${show(value)} is not supported; WebSocket APIs only support "$default"`,
        );
      }
    }
  };
  onlyDefault(ws.routeResponses, 'RouteResponseKey');
  onlyDefault(ws.routes, 'RouteResponseSelectionExpression');
}

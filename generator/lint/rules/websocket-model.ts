/** The WebSocket API wiring of a template: which routes, integrations, responses, stages and deployments belong to which API. */
import type { LintContext, ResourceEntry } from '../types';
import { getAttParts, intrinsicName, isObject, referencesIn } from '../values';

export interface WebSocketApi {
  readonly api: ResourceEntry;
  readonly routes: ResourceEntry[];
  readonly integrations: ResourceEntry[];
  readonly routeResponses: ResourceEntry[];
  readonly integrationResponses: ResourceEntry[];
  readonly stages: ResourceEntry[];
  readonly deployments: ResourceEntry[];
}

const V2 = 'AWS::ApiGatewayV2::';
const CHILD_KINDS = {
  Route: 'routes',
  Integration: 'integrations',
  RouteResponse: 'routeResponses',
  IntegrationResponse: 'integrationResponses',
  Stage: 'stages',
  Deployment: 'deployments',
} as const;

/** The logical id a value points at: `!Ref X`, `!GetAtt X.Attr`, or undefined. */
export function targetOf(value: unknown): string | undefined {
  const fn = intrinsicName(value);
  if (fn === 'Ref' && typeof (value as { Ref: unknown }).Ref === 'string')
    return (value as { Ref: string }).Ref;
  if (fn === 'Fn::GetAtt') return getAttParts((value as Record<string, unknown>)['Fn::GetAtt'])?.target;
  return undefined;
}

/** Logical ids a value mentions anywhere (Ref, GetAtt, Sub variables), without `.Version`/`.Alias` suffixes. */
export function mentionedIds(value: unknown): Set<string> {
  return new Set(referencesIn(value).map((r) => r.target.replace(/\.(Version|Alias)$/, '')));
}

/** Every ApiGatewayV2 API whose ProtocolType is WEBSOCKET, with the resources attached to it. */
export function webSocketApis(ctx: LintContext): WebSocketApi[] {
  const apis = new Map<string, WebSocketApi>();
  for (const r of ctx.resources) {
    if (r.type === `${V2}Api` && r.properties.ProtocolType === 'WEBSOCKET') {
      apis.set(r.id, {
        api: r,
        routes: [],
        integrations: [],
        routeResponses: [],
        integrationResponses: [],
        stages: [],
        deployments: [],
      });
    }
  }
  for (const r of ctx.resources) {
    if (!r.type.startsWith(V2)) continue;
    const kind = CHILD_KINDS[r.type.slice(V2.length) as keyof typeof CHILD_KINDS];
    const api = kind && apis.get(targetOf(r.properties.ApiId) ?? '');
    if (api) api[kind].push(r);
  }
  return [...apis.values()];
}

/** The integration a route's Target names: `integrations/${X}` via Fn::Sub or Fn::Join, as a logical id. */
export function routeTargetId(target: unknown): { id?: string; wellFormed: boolean } {
  if (typeof target === 'string') return { wellFormed: /^integrations\/[A-Za-z0-9]+$/.test(target) };
  if (!isObject(target)) return { wellFormed: false };
  const sub = target['Fn::Sub'];
  if (typeof sub === 'string' || Array.isArray(sub)) {
    const text = typeof sub === 'string' ? sub : sub[0];
    const match = typeof text === 'string' ? /^integrations\/\$\{([A-Za-z0-9]+)\}$/.exec(text) : null;
    if (!match) return { wellFormed: false };
    const vars = Array.isArray(sub) && isObject(sub[1]) ? sub[1] : {};
    return { id: match[1] in vars ? targetOf(vars[match[1]]) : match[1], wellFormed: true };
  }
  const join = target['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) {
    const parts = join[1];
    const prefix = parts.slice(0, -1).join(String(join[0]));
    const last = targetOf(parts.at(-1));
    return { id: last, wellFormed: last !== undefined && `${prefix}${join[0]}` === 'integrations/' };
  }
  return { wellFormed: false };
}

/** `$default` and friends: a literal string property, or undefined when absent or computed. */
export function literal(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The WebSocket rules see an `AWS::Serverless::WebSocketApi` the way CloudFormation does: expanded
 * (template/sam-websocket.ts) into the Api, its Route/Integration/Permission per route and its
 * auto-deploying Stage, beside the raw RouteResponse or IntegrationResponse resources a template
 * may add to them. Findings on a generated resource are reported at the SAM resource it comes from.
 */
import { TemplateError } from '../template/errors';
import { expandWebSocketApis, SAM_WEBSOCKET_API } from '../template/sam-websocket';
import type { Template } from '../template/types';
import type { LintContext, Path, ResourceEntry } from './types';
import { isObject } from './values';

const contexts = new WeakMap<LintContext, LintContext>();

/** The context with every WebSocketApi expanded; the context itself when there is none. */
export function webSocketContext(ctx: LintContext): LintContext {
  if (!ctx.resources.some((r) => r.type === SAM_WEBSOCKET_API)) return ctx;
  let expanded = contexts.get(ctx);
  if (!expanded) {
    expanded = expand(ctx);
    contexts.set(ctx, expanded);
  }
  return expanded;
}

function expand(ctx: LintContext): LintContext {
  let template: Template;
  try {
    template = expandWebSocketApis(ctx.template as unknown as Template);
  } catch (error) {
    // An API the transform refuses (a route key with a dash, Auth without $connect, ...).
    if (error instanceof TemplateError) ctx.report('E0001', error.segments, error.message);
    return ctx;
  }
  const resources: ResourceEntry[] = Object.entries(template.Resources).flatMap(([id, raw]) =>
    isObject(raw) && typeof raw.Type === 'string'
      ? [{ id, type: raw.Type, properties: isObject(raw.Properties) ? raw.Properties : {}, raw }]
      : [],
  );
  const owners = ownersOf(ctx, resources);
  const remap = (path: Path): Path => {
    const owner = path[0] === 'Resources' ? owners.get(String(path[1])) : undefined;
    return owner && owner !== path[1] ? ['Resources', owner] : path;
  };
  return {
    ...ctx,
    template: template as unknown as Record<string, unknown>,
    resources,
    byId: new Map(resources.map((r) => [r.id, r])),
    report: (code, path, message) => ctx.report(code, remap(path), message),
    positionOf: (path) => ctx.positionOf(remap(path)),
  };
}

/** Generated id → the WebSocketApi it comes from (its logical id starts with the API's). */
function ownersOf(ctx: LintContext, resources: readonly ResourceEntry[]): Map<string, string> {
  const apis = ctx.resources.filter((r) => r.type === SAM_WEBSOCKET_API).map((r) => r.id);
  const owners = new Map<string, string>();
  for (const r of resources) {
    if (ctx.byId.has(r.id) && ctx.byId.get(r.id)?.type !== SAM_WEBSOCKET_API) continue;
    const owner = apis.filter((api) => r.id.startsWith(api)).sort((a, b) => b.length - a.length)[0];
    if (owner) owners.set(r.id, owner);
  }
  return owners;
}

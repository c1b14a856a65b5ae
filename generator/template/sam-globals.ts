/**
 * SAM's `Globals` section as the transform applies it: `Globals.<Kind>` holds properties every
 * `AWS::Serverless::<Kind>` resource inherits. Merging follows SAM: maps merge key by key (the
 * resource wins), lists are the global items followed by the resource's, anything else the resource
 * overrides. A resource's `IgnoreGlobals` (`'*'` or a list of property names) opts out.
 */
import type { Json, Resource, Template } from './types';

const SAM_PREFIX = 'AWS::Serverless::';

type JsonMap = { [key: string]: Json };
const isMap = (value: Json | undefined): value is JsonMap =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A global value merged under a resource's own value. */
export function mergeGlobal(global: Json, own: Json | undefined): Json {
  if (own === undefined) return global;
  if (Array.isArray(global) && Array.isArray(own)) return [...global, ...own];
  if (isMap(global) && isMap(own) && !isIntrinsic(own)) {
    const merged: JsonMap = { ...global };
    for (const [key, value] of Object.entries(own)) {
      merged[key] = key in global ? mergeGlobal(global[key] as Json, value) : value;
    }
    return merged;
  }
  return own;
}

const isIntrinsic = (value: JsonMap) => {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || String(keys[0]).startsWith('Fn::'));
};

/** The properties a SAM resource has once the globals of its kind are applied. */
export function withGlobals(template: Template, resource: Resource): Record<string, Json> {
  const own = resource.Properties ?? {};
  const globals = template.Globals?.[resource.Type.slice(SAM_PREFIX.length)];
  if (!resource.Type.startsWith(SAM_PREFIX) || !isMap(globals)) return own;
  const ignore = (resource as { IgnoreGlobals?: Json }).IgnoreGlobals;
  if (ignore === '*') return own;
  const ignored = new Set(Array.isArray(ignore) ? ignore.map(String) : []);
  const merged: JsonMap = { ...own };
  for (const [key, value] of Object.entries(globals)) {
    if (!ignored.has(key)) merged[key] = mergeGlobal(value, own[key]);
  }
  return merged;
}

/**
 * The template with every SAM resource's globals applied and the `Globals` section gone, as the
 * transform leaves it.
 */
export function applyGlobals(template: Template): Template {
  if (!template.Globals) return template;
  const { Globals: _applied, ...rest } = template;
  const resources: Record<string, Resource> = {};
  for (const [id, resource] of Object.entries(template.Resources)) {
    resources[id] = resource.Type.startsWith(SAM_PREFIX)
      ? { ...resource, Properties: withGlobals(template, resource) }
      : resource;
  }
  return { ...rest, Resources: resources };
}

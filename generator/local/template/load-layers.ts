/**
 * A function's Lambda layers as the emulator uses them. On Lambda each layer unpacks to /opt; here a
 * layer is the app folder its ContentUri (or a local `Content` path) names, read in place, or that
 * .zip unpacked. A layer that is not on this machine (a published layer's ARN, content in S3) is
 * only named, so the banner can say the function runs without it.
 */
import { resolve as resolvePath } from 'node:path';
import type { Json, Resource, Template } from '../../template/types';
import type { LocalLayer } from '../types';
import { codeFolder } from './asset-code';
import { type ResolveContext, resolveValue } from './resolve';

const LAYER_TYPES = ['AWS::Serverless::LayerVersion', 'AWS::Lambda::LayerVersion'];

export interface FunctionLayers {
  readonly layers: LocalLayer[];
  /** Layers that are not local folders, as the template names them (an ARN, a logical id). */
  readonly remoteLayers: string[];
}

/** The layers of a function's `Layers` (Globals applied), in order. */
export function functionLayers(
  layers: Json | undefined,
  template: Template,
  ctx: ResolveContext,
  dir: string,
): FunctionLayers {
  const result: FunctionLayers = { layers: [], remoteLayers: [] };
  const items = Array.isArray(layers) ? layers : [resolveValue(layers, ctx) ?? []].flat();
  for (const item of items) {
    const id = isMap(item) && typeof item.Ref === 'string' ? item.Ref : undefined;
    const resource = id ? template.Resources[id] : undefined;
    const local = id && resource ? localLayer(id, resource, ctx, dir) : undefined;
    if (local) result.layers.push(local);
    else result.remoteLayers.push(String(resolveValue(item, ctx)));
  }
  return result;
}

/** A layer resource whose content is a folder of the app. */
function localLayer(
  id: string,
  resource: Resource,
  ctx: ResolveContext,
  dir: string,
): LocalLayer | undefined {
  if (!LAYER_TYPES.includes(resource.Type)) return undefined;
  const props = (resolveValue(resource.Properties ?? {}, ctx) ?? {}) as Record<string, Json>;
  const content = props.ContentUri ?? props.Content;
  if (typeof content !== 'string' || content.startsWith('s3://')) return undefined;
  // A folder, or a .zip (a CDK asset) unpacked as Lambda unpacks a layer.
  const folder = codeFolder(resolvePath(dir, content));
  if (!folder) return undefined;
  const buildMethod = (resource.Metadata as Record<string, Json> | undefined)?.BuildMethod;
  return { id, dir: folder, ...(typeof buildMethod === 'string' ? { buildMethod } : {}) };
}

const isMap = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

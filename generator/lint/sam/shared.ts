/**
 * What the SAM transform's generators have in common: the shape of a generated resource, the
 * context each generator writes into, and the pieces several SAM types share (the role SAM creates,
 * AutoPublishAlias, event sources named `<Owner><Event>`).
 */
import type { Path } from '../types';
import { isObject, type Obj, referencesIn } from '../values';

export interface Generated {
  /** Logical id after the transform; `Owner.Deployment` style when SAM adds a hash to the id. */
  readonly id: string;
  readonly type: string;
  /** The SAM resource it comes from. */
  readonly owner: string;
  /** `MyApi.Stage`: the referenceable property that resolves to it, when there is one. */
  readonly alias?: string;
  /** Property paths (under Properties) whose references move onto this resource. */
  readonly from?: readonly Path[];
  /** Resources it depends on after the transform, besides the references in `from`. */
  readonly needs?: readonly string[];
  /** A logical id SAM makes with a hash in it: `^<pattern>$` names this resource. */
  readonly pattern?: RegExp;
}

export interface SamResource {
  readonly id: string;
  readonly type: string;
  readonly properties: Obj;
}

export type Globals = Readonly<Record<string, Obj>>;

export interface Context {
  readonly resources: readonly SamResource[];
  readonly globals: Globals;
  readonly out: Generated[];
  readonly edges: [string, string][];
  readonly dropped: { owner: string; path: Path }[];
}
export type Expander = (r: SamResource, ctx: Context) => void;

export const HASH = '[0-9a-f]{10}';
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const refTarget = (v: unknown): string | undefined => {
  const refs = referencesIn(v);
  return refs.length === 1 ? refs[0].target : undefined;
};

/** The role SAM creates when a function or state machine names none. */
export function role(r: SamResource, ctx: Context): void {
  if (r.properties.Role !== undefined) return;
  ctx.out.push({
    id: `${r.id}Role`,
    type: 'AWS::IAM::Role',
    owner: r.id,
    from: [['Policies'], ['PermissionsBoundary'], ['RolePath'], ['AssumeRolePolicyDocument']],
  });
  ctx.edges.push([r.id, `${r.id}Role`]);
}

/** AutoPublishAlias: a version and an alias on it. */
export function alias(r: SamResource, ctx: Context, types: readonly [version: string, alias: string]): void {
  if (r.properties.AutoPublishAlias === undefined) return;
  const name = str(r.properties.AutoPublishAlias);
  const version = `${r.id}.Version`;
  ctx.out.push({
    id: version,
    type: types[0],
    owner: r.id,
    alias: version,
    needs: [r.id],
    pattern: new RegExp(`^${r.id}Version(${HASH})?$`),
    from: [['VersionDescription']],
  });
  ctx.out.push({
    id: name ? `${r.id}Alias${name}` : `${r.id}.Alias`,
    type: types[1],
    owner: r.id,
    alias: `${r.id}.Alias`,
    needs: [version],
    from: [['ProvisionedConcurrencyConfig'], ['DeploymentPreference']],
  });
}

/** Event type → the resources it makes, named after `<Owner><Event>`. */
export type EventMaker = (
  owner: SamResource,
  event: string,
  props: Obj,
  ctx: Context,
  target: string,
) => void;

export function eventResource(type: string, suffix = ''): EventMaker {
  return (owner, event, _props, { out }, target) => {
    out.push({
      id: `${owner.id}${event}${suffix}`,
      type,
      owner: owner.id,
      from: [['Events', event]],
      needs: [target],
    });
  };
}

export function permission(
  owner: SamResource,
  event: string,
  { out }: Context,
  target: string,
  suffix = '',
): void {
  out.push({
    id: `${owner.id}${event}Permission${suffix}`,
    type: 'AWS::Lambda::Permission',
    owner: owner.id,
    from: [['Events', event]],
    needs: [target],
  });
}

/** References SAM uses to edit another resource (a bucket's notifications) land on none of its own. */
export function drop(owner: SamResource, event: string, ctx: Context): void {
  ctx.dropped.push({ owner: owner.id, path: ['Events', event] });
}

export const withPermission =
  (type: string): EventMaker =>
  (owner, event, props, ctx, target) => {
    eventResource(type)(owner, event, props, ctx, target);
    permission(owner, event, ctx, target);
  };

export const ESM = eventResource('AWS::Lambda::EventSourceMapping');

export function events(
  r: SamResource,
  ctx: Context,
  target: string,
  makers: Readonly<Record<string, EventMaker>>,
) {
  const list = r.properties.Events;
  if (!isObject(list)) return;
  for (const [event, spec] of Object.entries(list)) {
    if (!isObject(spec) || typeof spec.Type !== 'string') continue;
    const props = isObject(spec.Properties) ? spec.Properties : {};
    makers[spec.Type]?.(r, event, props, ctx, target);
  }
}

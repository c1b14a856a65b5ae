/**
 * The template as CloudFormation receives it after the SAM transform, as far as references go:
 * which generated resource a name (`MyApiProdStage`, `MyApi.Stage`, `MyFunctionRole`) stands for,
 * and the dependency graph between resources once SAM has moved each property onto the resource it
 * generates (an Api event's `RestApiId` sits on a Permission, not on the function). Built once per
 * lint run from the catalogue in sam/generated.ts.
 */

import { usesSamTransform } from './rules/structure';
import { type Generated, samTransform } from './sam/generated';
import type { LintContext, Path } from './types';
import { isObject, type Obj, type Reference, referencesIn } from './values';

export interface SamView {
  readonly generated: readonly Generated[];
  /** The generated resource a logical id, hashed logical id or referenceable property names. */
  lookup(name: string): Generated | undefined;
  /** The graph node a reference lands on (a logical id, or a generated resource's id), if any. */
  nodeOf(ref: Pick<Reference, 'kind' | 'target' | 'attribute'>): string | undefined;
  /**
   * The generated resource a reference at `path` (under a SAM resource's Properties) moves to;
   * null when the transform consumes it, undefined when it stays on the resource itself.
   */
  claimant(owner: string, path: Path): string | null | undefined;
  readonly edges: readonly (readonly [string, string])[];
}

const views = new WeakMap<LintContext, SamView>();

export function samView(ctx: LintContext): SamView {
  let view = views.get(ctx);
  if (!view) {
    view = buildView(ctx);
    views.set(ctx, view);
  }
  return view;
}

function buildView(ctx: LintContext): SamView {
  const sam = usesSamTransform(ctx.template)
    ? ctx.resources.filter((r) => r.type.startsWith('AWS::Serverless::'))
    : [];
  const globals = Object.fromEntries(
    Object.entries(isObject(ctx.template.Globals) ? ctx.template.Globals : {}).filter(([, v]) => isObject(v)),
  ) as Record<string, Obj>;
  // What the transform generates depends on Globals too (AutoPublishAlias set once for every function).
  const withGlobals = sam.map((r) => ({
    ...r,
    properties: { ...(globals[r.type.replace('AWS::Serverless::', '')] ?? {}), ...r.properties },
  }));
  const { generated, edges, dropped } = samTransform(withGlobals, globals);
  const byName = new Map<string, Generated>();
  for (const g of generated) {
    if (!ctx.byId.has(g.id)) byName.set(g.id, g);
    if (g.alias) byName.set(g.alias, g);
  }
  const patterned = generated.filter((g) => g.pattern);
  const claims = new Map<string, { path: Path; id: string | null }[]>();
  for (const g of generated)
    for (const path of g.from ?? []) {
      const list = claims.get(g.owner) ?? [];
      list.push({ path, id: g.id });
      claims.set(g.owner, list);
    }
  // Later claims win ties: a consumed reference beats the resource generated from the same event.
  for (const { owner, path } of dropped)
    claims.set(owner, [...(claims.get(owner) ?? []), { path, id: null }]);
  const lookup = (name: string) =>
    byName.get(name) ?? (ctx.byId.has(name) ? undefined : patterned.find((g) => g.pattern?.test(name)));
  return {
    generated,
    edges,
    lookup,
    nodeOf(ref) {
      if (ref.attribute !== undefined) {
        const aliased = byName.get(`${ref.target}.${ref.attribute.split('.')[0]}`);
        if (aliased && ref.kind === 'Sub') return aliased.id;
      }
      if (ctx.byId.has(ref.target)) return ref.target;
      return lookup(ref.target)?.id;
    },
    claimant(owner, path) {
      let best: { path: Path; id: string | null } | undefined;
      for (const claim of claims.get(owner) ?? [])
        if (claim.path.every((p, i) => path[i] === p) && claim.path.length >= (best?.path.length ?? -1))
          best = claim;
      return best?.id;
    },
  };
}

/**
 * Resource → resources it needs first (Ref, GetAtt, Sub, DependsOn), after the SAM transform; a
 * cycle fails every deploy. Generated resources are nodes of their own.
 */
export function dependencyGraph(ctx: LintContext): Map<string, Set<string>> {
  const view = samView(ctx);
  const graph = new Map<string, Set<string>>();
  const node = (id: string) => {
    const deps = graph.get(id) ?? new Set<string>();
    graph.set(id, deps);
    return deps;
  };
  const add = (from: string, to: string | undefined) => {
    if (to !== undefined && to !== from) node(from).add(to);
  };
  for (const r of ctx.resources) {
    node(r.id);
    for (const ref of referencesIn(r.properties)) {
      const from = view.claimant(r.id, ref.path);
      if (from !== null) add(from ?? r.id, view.nodeOf(ref));
    }
    const dependsOn = r.raw.DependsOn;
    for (const d of Array.isArray(dependsOn) ? dependsOn : [dependsOn])
      if (typeof d === 'string') add(r.id, view.nodeOf({ kind: 'Ref', target: d }));
  }
  for (const g of view.generated) {
    node(g.id);
    for (const need of g.needs ?? []) add(g.id, view.nodeOf({ kind: 'Ref', target: need }));
  }
  for (const [from, to] of view.edges) add(from, view.nodeOf({ kind: 'Ref', target: to }));
  return graph;
}

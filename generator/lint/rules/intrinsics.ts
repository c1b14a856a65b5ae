/**
 * Rule 3: intrinsic functions — Ref, Fn::GetAtt (and the attribute exists for the type), Fn::Sub
 * variables, DependsOn and Condition targets exist; Fn::Join/Select/If/Sub have their shape; no
 * dependency cycles between resources.
 */
import { show } from '../../errors';
import { dependencyGraph, type SamView, samView } from '../sam-view';
import { resourceSpec } from '../spec';
import type { LintContext, Path } from '../types';
import { didYouMean, getAttParts, intrinsicName, isObject, referencesIn, subParts } from '../values';

export { dependencyGraph };

export const PSEUDO_PARAMETERS = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
];
const FUNCTIONS = new Set(
  'Ref Condition Fn::And Fn::Base64 Fn::Cidr Fn::Contains Fn::Equals Fn::FindInMap Fn::ForEach Fn::GetAZs Fn::GetAtt Fn::If Fn::ImportValue Fn::Join Fn::Length Fn::Not Fn::Or Fn::Select Fn::Split Fn::Sub Fn::ToJsonString Fn::Transform'.split(
    ' ',
  ),
);

export function checkIntrinsics(ctx: LintContext): void {
  const names = new Names(ctx);
  for (const section of ['Resources', 'Outputs', 'Conditions']) {
    const value = ctx.template[section];
    if (isObject(value)) checkShapes(ctx, value, [section], names);
    if (!isObject(value)) continue;
    for (const ref of referencesIn(value, [section]))
      names.checkReference(ref.kind, ref.target, ref.attribute, ref.path);
  }
  checkResourceLinks(ctx, names);
  checkCycles(ctx);
}

/** What Ref, GetAtt and Condition may name in this template, SAM's generated resources included. */
class Names {
  readonly refTargets = new Set<string>(PSEUDO_PARAMETERS);
  readonly conditions: Set<string>;
  private readonly sam: SamView;

  constructor(private readonly ctx: LintContext) {
    const t = ctx.template;
    for (const name of Object.keys(isObject(t.Parameters) ? t.Parameters : {})) this.refTargets.add(name);
    for (const r of ctx.resources) this.refTargets.add(r.id);
    this.sam = samView(ctx);
    for (const g of this.sam.generated) {
      if (!g.id.includes('.')) this.refTargets.add(g.id);
      if (g.alias) this.refTargets.add(g.alias);
    }
    this.conditions = new Set(Object.keys(isObject(t.Conditions) ? t.Conditions : {}));
  }

  checkReference(
    kind: 'Ref' | 'GetAtt' | 'Sub',
    target: string,
    attribute: string | undefined,
    path: Path,
  ): void {
    const asRef = kind === 'Ref' || (kind === 'Sub' && attribute === undefined);
    if (asRef) {
      if (this.refTargets.has(target) || this.sam.lookup(target)) return;
      const code = kind === 'Ref' ? 'E1012' : 'E1019';
      const what = kind === 'Ref' ? 'Ref' : 'Fn::Sub variable';
      this.ctx.report(
        code,
        path,
        `${what} names ${show(target)}, which is not a parameter, resource or pseudo parameter${didYouMean(target, this.refTargets)}`,
      );
      return;
    }
    const code = kind === 'GetAtt' ? 'E1010' : 'E1019';
    const fn = kind === 'GetAtt' ? 'Fn::GetAtt' : 'Fn::Sub';
    const shown = `${target}.${attribute ?? ''}`;
    // `${MyApi.Stage}` in a Sub is the referenceable property; `MyApi.Stage.X` an attribute of it.
    const [head, ...rest] = (attribute ?? '').split('.');
    const aliased = this.sam.lookup(`${target}.${head}`);
    if (aliased?.alias === `${target}.${head}` && (kind === 'Sub' || rest.length > 0)) {
      if (rest.length > 0) this.checkAttribute(code, fn, shown, aliased.type, rest.join('.'), path);
      return;
    }
    const type = this.ctx.byId.get(target)?.type ?? this.sam.lookup(target)?.type;
    if (!type || (PSEUDO_PARAMETERS.includes(target) && !this.ctx.byId.has(target))) {
      this.ctx.report(
        code,
        path,
        `${fn} ${shown}: no resource ${show(target)}${didYouMean(target, [...this.ctx.byId.keys(), ...this.refTargets])}`,
      );
      return;
    }
    if (attribute === undefined) {
      this.ctx.report(code, path, `Fn::GetAtt ${target} names no attribute; use Ref for the resource itself`);
      return;
    }
    this.checkAttribute(code, fn, shown, type, attribute, path);
  }

  /** Whether the SAM transform makes a resource with this logical id. */
  generates(id: string): boolean {
    return this.sam.lookup(id) !== undefined;
  }

  private checkAttribute(
    code: string,
    fn: string,
    shown: string,
    type: string,
    attribute: string,
    path: Path,
  ) {
    const attributes = attributesOf(type);
    if (attributes === 'any' || attributes.includes(attribute)) return;
    const allowed = attributes.length
      ? `; ${type} has ${attributes.join(', ')}`
      : `; ${type} has no attributes`;
    this.ctx.report(
      code,
      path,
      `${fn} ${shown}: no attribute ${show(attribute)}${didYouMean(attribute, attributes)}${allowed}`,
    );
  }
}

function attributesOf(type: string): readonly string[] | 'any' {
  if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return 'any';
  if (type === 'AWS::CloudFormation::Stack' || type === 'AWS::Serverless::Application') return 'any';
  return resourceSpec(type)?.a ?? 'any';
}

/** Shapes of Fn::Join, Fn::Select, Fn::If, Fn::Sub and Fn::GetAtt, and unknown functions. */
function checkShapes(ctx: LintContext, value: unknown, path: Path, names: Names): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      checkShapes(ctx, item, [...path, i], names);
    });
    return;
  }
  if (!isObject(value)) return;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0].startsWith('Fn::') && !FUNCTIONS.has(keys[0])) {
    ctx.report('E1001', [...path, keys[0]], `unknown intrinsic function ${keys[0]}`);
  }
  const fn = intrinsicName(value);
  if (fn) checkShape(ctx, fn, value[fn], [...path, fn], names);
  else if (
    keys.length === 1 &&
    keys[0] === 'Condition' &&
    path[0] === 'Conditions' &&
    typeof value.Condition === 'string'
  ) {
    if (!names.conditions.has(value.Condition))
      ctx.report(
        'E8002',
        [...path, 'Condition'],
        `condition ${show(value.Condition)} is not defined in Conditions`,
      );
  }
  for (const [k, child] of Object.entries(value)) checkShapes(ctx, child, [...path, k], names);
}

function checkShape(ctx: LintContext, fn: string, args: unknown, path: Path, names: Names): void {
  const bad = (code: string, expected: string) =>
    ctx.report(code, path, `${fn} must be ${expected}, got ${show(args)}`);
  const isList = (v: unknown) => Array.isArray(v) || intrinsicName(v) !== undefined;
  switch (fn) {
    case 'Ref':
      if (typeof args !== 'string') bad('E1012', 'the name of a parameter or resource');
      return;
    case 'Fn::GetAtt':
      if (!getAttParts(args) || (Array.isArray(args) && args.length !== 2))
        bad('E1010', '"Resource.Attribute" or [Resource, Attribute]');
      return;
    case 'Fn::Join':
      if (!Array.isArray(args) || args.length !== 2 || typeof args[0] !== 'string' || !isList(args[1])) {
        bad('E1022', '[delimiter, [values...]]');
      }
      return;
    case 'Fn::Select':
      if (
        !Array.isArray(args) ||
        args.length !== 2 ||
        !isList(args[1]) ||
        !(Number.isInteger(Number(args[0])) || isObject(args[0]))
      ) {
        bad('E1017', '[index, [values...]]');
      } else if (Array.isArray(args[1]) && Number(args[0]) >= args[1].length) {
        bad('E1017', `an index below the list's length ${args[1].length}`);
      }
      return;
    case 'Fn::If':
      if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== 'string')
        bad('E1028', '[condition, value if true, value if false]');
      else if (!names.conditions.has(args[0]))
        ctx.report(
          'E1028',
          path,
          `Fn::If names condition ${show(args[0])}, which is not defined in Conditions${didYouMean(args[0], names.conditions)}`,
        );
      return;
    case 'Fn::Sub': {
      const { text, vars } = subParts(args);
      if (text === undefined || (Array.isArray(args) && (args.length !== 2 || !isObject(args[1]))))
        bad('E1019', 'a string or [string, {variables}]');
      else
        for (const name of Object.keys(vars))
          if (!text.includes(`\${${name}}`))
            ctx.report('W1019', [...path, 1, name], `Fn::Sub variable ${name} is never used in its string`);
      return;
    }
  }
}

function checkResourceLinks(ctx: LintContext, names: Names): void {
  const check = (section: string, id: string, entry: unknown) => {
    if (!isObject(entry)) return;
    if (
      entry.Condition !== undefined &&
      (typeof entry.Condition !== 'string' || !names.conditions.has(entry.Condition))
    ) {
      ctx.report(
        'E8002',
        [section, id, 'Condition'],
        `${id}: condition ${show(entry.Condition)} is not defined in Conditions${didYouMean(String(entry.Condition), names.conditions)}`,
      );
    }
  };
  for (const r of ctx.resources) {
    check('Resources', r.id, r.raw);
    const deps = r.raw.DependsOn;
    if (deps === undefined) continue;
    const list = Array.isArray(deps) ? deps : [deps];
    list.forEach((dep, i) => {
      const at: Path = Array.isArray(deps)
        ? ['Resources', r.id, 'DependsOn', i]
        : ['Resources', r.id, 'DependsOn'];
      if (typeof dep !== 'string')
        ctx.report('E3005', at, `${r.id}: DependsOn must list logical ids, got ${show(dep)}`);
      else if (dep === r.id) ctx.report('E3005', at, `${r.id} depends on itself`);
      else if (!ctx.byId.has(dep) && !(names.generates(dep) && !dep.includes('.')))
        ctx.report(
          'E3005',
          at,
          `${r.id}: DependsOn ${show(dep)} is not a resource${didYouMean(dep, ctx.byId.keys())}`,
        );
    });
  }
  const outputs = ctx.template.Outputs;
  if (isObject(outputs)) for (const [id, output] of Object.entries(outputs)) check('Outputs', id, output);
}

function checkCycles(ctx: LintContext): void {
  const graph = dependencyGraph(ctx);
  const view = samView(ctx);
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, stack: string[]): void => {
    state.set(id, 'open');
    for (const dep of graph.get(id) ?? []) {
      if (state.get(dep) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(dep)), dep];
        const first = cycle
          .slice(0, -1)
          .map((id) => (ctx.byId.has(id) ? id : (view.lookup(id)?.owner ?? id)))
          .sort()[0];
        if (!reported.has(first)) {
          reported.add(first);
          ctx.report('E3004', ['Resources', first], `circular dependency: ${cycle.join(' -> ')}`);
        }
      } else if (!state.has(dep)) visit(dep, [...stack, dep]);
    }
    state.set(id, 'done');
  };
  for (const id of graph.keys()) if (!state.has(id)) visit(id, [id]);
}

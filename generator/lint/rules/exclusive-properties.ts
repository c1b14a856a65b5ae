/**
 * Properties that exclude each other (a Route 53 record with both `AliasTarget` and `TTL`): the
 * stack fails when the resource is created, an error. Properties of which the SAM transform reads
 * one and drops the others (InlineCode beside CodeUri) deploy, so those are a warning. A value
 * under Fn::If may turn out absent, so only plain values count.
 */
import { oneOf } from '../../errors';
import {
  EXCLUSIONS,
  PRECEDENCES,
  type PrecedenceEntry,
  REFUSALS,
  type RefusalEntry,
} from '../spec-source/exclusions';
import type { LintContext, Path } from '../types';
import { intrinsicName, isObject, type Obj } from '../values';

export function checkExclusiveProperties(ctx: LintContext): void {
  for (const r of ctx.resources) {
    for (const entry of EXCLUSIONS) {
      if (entry.type !== r.type) continue;
      for (const { value, path } of objectsAt(r.properties, entry.at, ['Resources', r.id, 'Properties']))
        for (const group of entry.groups) checkGroup(ctx, r.id, value, path, group);
    }
    for (const entry of PRECEDENCES)
      if (entry.type === r.type) checkPrecedence(ctx, r.id, r.properties, entry);
    for (const entry of REFUSALS) if (entry.type === r.type) checkRefusal(ctx, r.id, r.properties, entry);
  }
}

/** A SAM resource's Globals section, which the translator merges into it first. */
function samGlobalsOf(ctx: LintContext, type: string): Obj {
  const globals = isObject(ctx.template.Globals) ? ctx.template.Globals : {};
  const section = globals[type.replace('AWS::Serverless::', '')];
  return isObject(section) ? section : {};
}

function checkRefusal(ctx: LintContext, id: string, props: Obj, entry: RefusalEntry): void {
  const [property, value] = entry.when;
  if (props[property] !== value) return;
  const inherited = samGlobalsOf(ctx, entry.type);
  for (const name of entry.refused) {
    const own = isSet(props[name]);
    if (!own && !isSet(inherited[name])) continue;
    ctx.report(
      'E2520',
      own ? ['Resources', id, 'Properties', name] : ['Resources', id, 'Properties', property],
      `${id}: ${name}${own ? '' : ' (from Globals)'} cannot be set with ${property} ${value}; the SAM transform refuses it`,
    );
  }
}

function checkPrecedence(ctx: LintContext, id: string, props: Obj, entry: PrecedenceEntry): void {
  const merged = { ...samGlobalsOf(ctx, entry.type), ...props };
  const selector = merged[entry.selector] ?? entry.selectorDefault;
  const order = typeof selector === 'string' ? entry.read[selector] : undefined;
  const used = order?.find((name) => isSet(merged[name]));
  if (!order || !used) return;
  for (const name of entry.group)
    if (name !== used && isSet(props[name]))
      ctx.report(
        'W2520',
        ['Resources', id, 'Properties', name],
        `${id}: ${name} is ignored; the SAM transform reads ${used} (${entry.selector} ${selector})`,
      );
}

function checkGroup(ctx: LintContext, id: string, value: Obj, path: Path, group: readonly string[]): void {
  const set = group.filter((name) => isSet(value[name]));
  if (set.length < 2) return;
  ctx.report(
    'E2520',
    [...path, set[1]],
    `${id}: ${set.join(' and ')} exclude each other; keep one of ${oneOf([...group])}`,
  );
}

const isSet = (value: unknown) =>
  value !== undefined &&
  value !== null &&
  intrinsicName(value) !== 'Fn::If' &&
  !(isObject(value) && value.Ref === 'AWS::NoValue');

/** The mappings at `a/b/*` below `value`. */
function objectsAt(value: unknown, at: string, path: Path): { value: Obj; path: Path }[] {
  if (at === '') return isObject(value) ? [{ value, path }] : [];
  const [head, ...rest] = at.split('/');
  const tail = rest.join('/');
  if (head === '*')
    return Array.isArray(value) ? value.flatMap((item, i) => objectsAt(item, tail, [...path, i])) : [];
  return isObject(value) ? objectsAt(value[head], tail, [...path, head]) : [];
}

/**
 * Rule 2: resource specification — the type exists, every property is known (with a suggestion
 * for misspellings), required properties are present, values have the right type and allowed value.
 * Intrinsic functions are not evaluated; both branches of Fn::If are checked.
 */
import { oneOf, show } from '../../errors';
import { knownResourceTypes, resourceSpec } from '../spec';
import type { PropsSpec, ResourceSpec, TypeSpec } from '../spec-types';
import type { LintContext, Path, ResourceEntry } from '../types';
import { didYouMean, intrinsicName, isObject, type Obj } from '../values';

/**
 * The strings a boolean property accepts: resource handlers read property values with Jackson,
 * whose boolean coercion takes exactly these spellings (not `yes`, `1` or `tRuE`).
 */
const BOOLEAN_STRINGS: ReadonlySet<string> = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

export function checkProperties(ctx: LintContext): void {
  const globals = samGlobals(ctx.template);
  for (const resource of ctx.resources) {
    if (!isSpecifiedType(resource.type)) continue;
    if (!knownResourceTypes().has(resource.type)) {
      const types = [...knownResourceTypes()].filter(
        (t) => t.split('::')[1] === resource.type.split('::')[1],
      );
      const hint = didYouMean(resource.type, types.length > 0 ? types : knownResourceTypes());
      ctx.report(
        'E3006',
        ['Resources', resource.id, 'Type'],
        `${resource.id}: resource type ${show(resource.type)} does not exist${hint}`,
      );
      continue;
    }
    const spec = resourceSpec(resource.type) as ResourceSpec;
    const checker = new ValueChecker(ctx, resource, spec);
    const inherited = globals[resource.type.replace('AWS::Serverless::', '')] ?? {};
    checker.checkProps(resource.properties, spec.p, ['Resources', resource.id, 'Properties'], inherited);
  }
}

/**
 * Types the specification is expected to know: AWS's own. Custom resources, modules, third-party
 * registry types (`Vendor::Service::Type`) and the CDK's version-reporting `AWS::CDK::Metadata`
 * (which the CDK deploys only in regions that have it) are not in it and are not checked.
 */
function isSpecifiedType(type: string): boolean {
  if (UNSPECIFIED_AWS_TYPES.has(type) || type.endsWith('::MODULE')) return false;
  return type.startsWith('AWS::') || type.startsWith('Alexa::') || !type.includes('::');
}

/** SAM Globals: properties every Function/Api/... inherits (they count towards required ones). */
function samGlobals(template: Obj): Record<string, Obj> {
  const globals = template.Globals;
  if (!isObject(globals)) return {};
  return Object.fromEntries(Object.entries(globals).filter(([, v]) => isObject(v))) as Record<string, Obj>;
}

const UNSPECIFIED_AWS_TYPES: ReadonlySet<string> = new Set([
  'AWS::CloudFormation::CustomResource',
  'AWS::CDK::Metadata',
]);

class ValueChecker {
  constructor(
    private readonly ctx: LintContext,
    private readonly resource: ResourceEntry,
    private readonly spec: ResourceSpec,
  ) {}

  checkProps(value: Obj, props: PropsSpec, path: Path, inherited: Obj = {}): void {
    for (const [name, v] of Object.entries(value)) {
      const prop = props[name];
      if (!prop) {
        this.report(
          'E3002',
          [...path, name],
          `unknown property ${name}${didYouMean(name, Object.keys(props))}`,
        );
      } else this.check(v, prop.t, [...path, name]);
    }
    for (const [name, prop] of Object.entries(props)) {
      if (prop.r && value[name] === undefined && inherited[name] === undefined) {
        this.report('E3003', path, `required property ${name} is missing`);
      }
    }
  }

  check(value: unknown, t: TypeSpec, path: Path): undefined {
    const fn = intrinsicName(value);
    if (fn === 'Fn::If') return this.checkIfBranches(value as Obj, t, path);
    if (fn !== undefined) return;
    if (typeof t === 'string') return this.checkNamed(value, t, path);
    if ('e' in t) return this.checkEnum(value, t.e, path);
    if ('a' in t) {
      if (!Array.isArray(value)) return this.mismatch(value, 'a list', path);
      value.forEach((item, i) => {
        this.check(item, t.a, [...path, i]);
      });
      return;
    }
    if ('m' in t) {
      if (!isObject(value)) return this.mismatch(value, 'a mapping', path);
      for (const [k, v] of Object.entries(value)) this.check(v, t.m, [...path, k]);
      return;
    }
    this.checkUnion(value, t.u, path);
  }

  private checkIfBranches(value: Obj, t: TypeSpec, path: Path): undefined {
    const args = value['Fn::If'];
    if (!Array.isArray(args)) return;
    for (const i of [1, 2]) {
      const branch = args[i];
      if (branch !== undefined && !(isObject(branch) && branch.Ref === 'AWS::NoValue')) {
        this.check(branch, t, [...path, 'Fn::If', i]);
      }
    }
  }

  private checkNamed(value: unknown, t: string, path: Path): undefined {
    switch (t) {
      case 'string':
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return;
        return this.mismatch(value, 'a string', path);
      case 'integer':
        if (Number.isInteger(value) || (typeof value === 'string' && /^-?\d+$/.test(value))) return;
        return this.mismatch(value, 'an integer', path);
      case 'number':
        if (
          typeof value === 'number' ||
          (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
        )
          return;
        return this.mismatch(value, 'a number', path);
      case 'boolean':
        if (typeof value === 'boolean' || (typeof value === 'string' && BOOLEAN_STRINGS.has(value))) return;
        return this.mismatch(value, 'a boolean (true or false)', path);
      case 'tag':
        if (!isObject(value)) return this.mismatch(value, 'a tag {Key, Value}', path);
        this.checkProps(value, { Key: { t: 'string', r: 1 }, Value: { t: 'string', r: 1 } }, path);
        return;
      default:
        if (!t.startsWith('#')) return;
        if (!isObject(value)) return this.mismatch(value, `a mapping (${t.slice(1)})`, path);
        this.checkProps(value, this.spec.d[t.slice(1)] ?? {}, path);
    }
  }

  private checkEnum(value: unknown, allowed: readonly (string | number)[], path: Path): undefined {
    if (typeof value !== 'string' && typeof value !== 'number')
      return this.mismatch(value, `one of ${oneOf(allowed.map(String))}`, path);
    if (allowed.map(String).includes(String(value))) return;
    const hint = didYouMean(String(value), allowed.map(String));
    this.report(
      'E3030',
      path,
      `${show(value)} is not an allowed value${hint}; allowed: ${allowedList(allowed.map(String))}`,
    );
  }

  /** A value matches a union when it matches one member; several object members are not told apart. */
  private checkUnion(value: unknown, members: readonly TypeSpec[], path: Path): undefined {
    const objectMembers = members.filter((m): m is string => typeof m === 'string' && m.startsWith('#'));
    if (isObject(value) && objectMembers.length > 1) {
      // SAM event sources and the like: the member whose `Type` allows the value's Type.
      const chosen = objectMembers.filter((m) => {
        const type = this.spec.d[m.slice(1)]?.Type?.t;
        return typeof type === 'object' && 'e' in type && type.e.includes(value.Type as string);
      });
      if (chosen.length === 1) this.check(value, chosen[0], path);
      return;
    }
    const candidates = members.filter((m) => matchesShape(value, m));
    if (candidates.length === 0) return this.mismatch(value, members.map(describe).join(' or '), path);
    // Between scalar or list members, any that takes the value will do (a number or a string:
    // "3.0.3" is a string); a named property type still says more than "any mapping" beside it.
    const named = candidates.some((m) => typeof m === 'string' && (m.startsWith('#') || m === 'json'));
    if (!named && candidates.length > 1 && candidates.some((m) => this.accepts(value, m))) return;
    // A named property type says more than "any mapping" beside it (SAM's intrinsic-or-model unions).
    this.check(
      value,
      candidates.find((m) => typeof m === 'string' && m.startsWith('#')) ?? candidates[0],
      path,
    );
  }

  /** Whether `value` has type `t` with nothing to report. */
  private accepts(value: unknown, t: TypeSpec): boolean {
    let clean = true;
    const report = () => {
      clean = false;
    };
    const probe = { ...this.ctx, report } as LintContext;
    new ValueChecker(probe, this.resource, this.spec).check(value, t, []);
    return clean;
  }

  private mismatch(value: unknown, expected: string, path: Path): undefined {
    this.report('E3012', path, `${show(value)} has the wrong type; expected ${expected}`);
  }

  private report(code: string, path: Path, message: string): undefined {
    const where = path.slice(2).join('/');
    this.ctx.report(code, path, `${this.resource.id} (${this.resource.type}) ${where}: ${message}`);
  }
}

/** Whether a value has the outer shape of a type (list, mapping or scalar), to pick a union member. */
function matchesShape(value: unknown, t: TypeSpec): boolean {
  if (typeof t === 'string') {
    if (t.startsWith('#') || t === 'tag') return isObject(value);
    if (t === 'json') return true;
    return !isObject(value) && !Array.isArray(value);
  }
  if ('a' in t) return Array.isArray(value);
  if ('m' in t) return isObject(value);
  if ('e' in t) return typeof value === 'string' || typeof value === 'number';
  return t.u.some((m) => matchesShape(value, m));
}

/** Short lists in full; long ones (runtimes) as a count and a few of the newest. */
function allowedList(allowed: readonly string[]): string {
  if (allowed.length <= 12) return oneOf(allowed);
  return `one of ${allowed.length} values (see the resource's documentation)`;
}

function describe(t: TypeSpec): string {
  if (typeof t === 'string') return t.startsWith('#') ? `a mapping (${t.slice(1)})` : `a ${t}`;
  if ('a' in t) return 'a list';
  if ('m' in t) return 'a mapping';
  if ('e' in t) return `one of ${oneOf(t.e.map(String))}`;
  return t.u.map(describe).join(' or ');
}

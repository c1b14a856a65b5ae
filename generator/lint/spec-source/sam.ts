/**
 * Turns the AWS SAM translator's JSON Schema (spec-source/sam-schema-<version>.json) into the
 * linter's compact AWS::Serverless::* specs. SAM validates templates against these models before
 * it transforms them, so they are what "a known SAM property" means. A property SAM passes through
 * to a generated resource (`__samPassThrough`) takes that resource's type from the AWS
 * specification, so `Runtime` or `LoggingConfig` are checked as strictly as on AWS::Lambda::Function.
 * Pure and deterministic.
 */
import type { PropSpec, PropsSpec, ResourceSpec, TypeSpec } from '../spec-types';

export interface JsonSchema {
  readonly $ref?: string;
  /** One type, or several (`["number", "string"]`): a value of any of them. */
  readonly type?: string | readonly string[];
  readonly enum?: readonly (string | number)[];
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly required?: readonly string[];
  readonly allOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly __samPassThrough?: { readonly schemaPath: readonly string[] };
}
export interface SamSchema {
  readonly definitions: Readonly<Record<string, JsonSchema>>;
  readonly properties: { readonly Resources: { readonly additionalProperties: JsonSchema } };
}

/** AWS::Serverless::* type → compact spec (attributes are filled in by the caller). */
export function extractSamSpecs(
  schema: SamSchema,
  aws: Readonly<Record<string, ResourceSpec>>,
  landsOn: Readonly<Record<string, readonly string[]>> = {},
): Record<string, ResourceSpec> {
  const out: Record<string, ResourceSpec> = {};
  for (const member of schema.properties.Resources.additionalProperties.anyOf ?? []) {
    const resource = member.$ref ? schema.definitions[refName(member.$ref)] : undefined;
    const type = resource?.properties?.Type?.enum?.[0];
    if (typeof type !== 'string' || !type.startsWith('AWS::Serverless::')) continue;
    out[type] = new SamResource(schema, aws).build(
      resource?.properties?.Properties ?? {},
      landsOn[type] ?? [],
    );
  }
  return out;
}

const refName = (ref: string) => ref.replace('#/definitions/', '');

/** One resource's conversion: its property types get short names, unique within the resource. */
class SamResource {
  private readonly defs: Record<string, Record<string, PropSpec>> = {};
  private readonly names = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly pending: [name: string, schema: JsonSchema][] = [];

  constructor(
    private readonly schema: SamSchema,
    private readonly aws: Readonly<Record<string, ResourceSpec>>,
  ) {}

  /** `landsOn`: the generated resources an unannotated pass-through property lands on, in order. */
  build(properties: JsonSchema, landsOn: readonly string[]): ResourceSpec {
    const root = this.resolve(properties);
    const p = this.props(root);
    for (const [name, prop] of Object.entries(p)) {
      if (!this.isBarePassThrough(root.properties?.[name])) continue;
      const from = landsOn.find((type) => this.aws[type]?.p[name]);
      if (from) p[name] = { ...prop, t: this.copyType(this.aws[from].p[name].t, from) };
    }
    for (let next = this.pending.shift(); next; next = this.pending.shift()) {
      this.defs[next[0]] = this.props(next[1]);
    }
    return { p, a: [], d: sortKeys(this.defs) };
  }

  /** SAM's `PassThroughProp` with no note of where it goes: any value, as far as SAM checks. */
  private isBarePassThrough(s: JsonSchema | undefined): boolean {
    const inner = s?.allOf?.length === 1 ? s.allOf[0] : s;
    return !s?.__samPassThrough && inner?.$ref !== undefined && Object.keys(this.resolve(inner)).length === 0;
  }

  private resolve(s: JsonSchema): JsonSchema {
    return s.$ref ? (this.schema.definitions[refName(s.$ref)] ?? {}) : s;
  }

  private props(s: JsonSchema): Record<string, PropSpec> {
    const required = new Set(s.required ?? []);
    const out: Record<string, PropSpec> = {};
    const properties = s.properties ?? {};
    for (const name of Object.keys(properties).sort()) {
      const t = this.typeOf(properties[name], name);
      out[name] = required.has(name) ? { t, r: 1 } : { t };
    }
    return out;
  }

  private typeOf(s: JsonSchema, hint: string): TypeSpec {
    if (s.__samPassThrough) return this.passThrough(s.__samPassThrough.schemaPath, hint);
    if (s.$ref) {
      const target = this.resolve(s);
      if (!target.properties) return Object.keys(target).length === 0 ? 'json' : this.typeOf(target, hint);
      return `#${this.defName(s.$ref, target)}`;
    }
    if (s.allOf) return s.allOf.length === 1 ? this.typeOf(s.allOf[0], hint) : 'json';
    // Every branch is kept: `OpenApiVersion` is a number or a string, and either is valid.
    const branches = s.anyOf ?? s.oneOf;
    if (branches) return this.union(branches, hint);
    if (Array.isArray(s.type))
      return this.union(
        s.type.map((type: string) => ({ ...s, type })),
        hint,
      );
    switch (s.type) {
      case 'string':
      case 'integer':
        return s.enum?.length ? { e: [...s.enum] } : s.type;
      case 'number':
      case 'boolean':
        return s.type;
      case 'array':
        return { a: s.items ? this.typeOf(s.items, hint) : 'json' };
      case 'object':
        if (s.properties) return `#${this.defName(`inline:${hint}`, s, hint)}`;
        if (typeof s.additionalProperties === 'object')
          return { m: this.typeOf(s.additionalProperties, hint) };
        return 'json';
      default:
        return 'json';
    }
  }

  private union(members: readonly JsonSchema[], hint: string): TypeSpec {
    const types: TypeSpec[] = [];
    for (const m of members) {
      const t = this.typeOf(m, hint);
      if (!types.some((known) => JSON.stringify(known) === JSON.stringify(t))) types.push(t);
    }
    return types.length === 1 ? types[0] : { u: types };
  }

  private defName(key: string, target: JsonSchema, hint?: string): string {
    const known = this.names.get(key);
    if (known) return known;
    const base = hint ?? refName(key).split('__').pop() ?? 'Type';
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}_${n}`;
    this.names.set(key, name);
    this.used.add(name);
    this.pending.push([name, target]);
    return name;
  }

  /**
   * A property SAM hands to a generated resource: the AWS type of the same-named property it lands
   * on (`['definitions', 'AWS::Lambda::Function', ..., 'Runtime']`, or a property type
   * `AWS::Lambda::Function.Code`). Renamed ones (`RolePath` → `Path`) stay unchecked.
   */
  private passThrough(path: readonly string[], name: string): TypeSpec {
    const [resourceType, propertyType] = (path[1] ?? '').split('.');
    const spec = this.aws[resourceType];
    if (!spec || path[path.length - 1] !== name) return 'json';
    const props = propertyType ? spec.d[propertyType] : spec.p;
    const prop = props?.[name];
    return prop ? this.copyType(prop.t, resourceType) : 'json';
  }

  /** Copies an AWS type and the property types it names, renamed into this resource's names. */
  private copyType(t: TypeSpec, from: string): TypeSpec {
    if (typeof t === 'string') {
      if (!t.startsWith('#')) return t;
      const key = `aws:${from}.${t.slice(1)}`;
      const known = this.names.get(key);
      if (known) return `#${known}`;
      let name = t.slice(1);
      for (let n = 2; this.used.has(name); n++) name = `${t.slice(1)}_${n}`;
      this.names.set(key, name);
      this.used.add(name);
      const source: PropsSpec = this.aws[from].d[t.slice(1)] ?? {};
      this.defs[name] = Object.fromEntries(
        Object.entries(source).map(([k, p]) => [k, { ...p, t: this.copyType(p.t, from) }]),
      );
      return `#${name}`;
    }
    if ('a' in t) return { a: this.copyType(t.a, from) };
    if ('m' in t) return { m: this.copyType(t.m, from) };
    if ('u' in t) return { u: t.u.map((m) => this.copyType(m, from)) };
    return t;
  }
}

export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}

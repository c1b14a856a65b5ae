/**
 * Turns the AWS resource specification database (@aws-cdk/aws-service-spec's db.json) into the
 * linter's compact shards, applies our patches, and adds the AWS::Serverless::* types from the SAM
 * translator's schema (the database's own SAM part is years old). Pure and deterministic: the same
 * sources give byte-identical files, which a test checks against the committed ones.
 */
import { SAM_PRIMARY_TYPES, SAM_PROPERTIES_LAND_ON } from '../sam/generated';
import { type PropSpec, type ResourceSpec, type SpecShard, shardName, type TypeSpec } from '../spec-types';
import { applyPatches } from './patches';
import { extractSamSpecs, type SamSchema } from './sam';
import { applySamAcceptances } from './sam-accepts';

interface RawType {
  readonly type: string;
  readonly element?: RawType;
  readonly types?: readonly RawType[];
  readonly reference?: { readonly $ref: string };
  readonly allowedValues?: readonly (string | number)[];
}
interface RawProperty {
  readonly type: RawType;
  readonly required?: boolean;
}
interface RawEntity {
  readonly $id: string;
  readonly name: string;
  readonly cloudFormationType?: string;
  readonly properties?: Readonly<Record<string, RawProperty>>;
  readonly attributes?: Readonly<Record<string, unknown>>;
}
export interface RawDb {
  readonly schema: {
    readonly resource: { readonly entities: readonly RawEntity[] };
    readonly typeDefinition: { readonly entities: readonly RawEntity[] };
  };
}

/** File name (relative to generator/lint/spec/) → file text. */
export type SpecFiles = Record<string, string>;

export function extractSpec(db: RawDb, sam: SamSchema): SpecFiles {
  const typeDefs = new Map(db.schema.typeDefinition.entities.map((t) => [t.$id, t]));
  const resources: Record<string, ResourceSpec> = {};
  for (const raw of db.schema.resource.entities) {
    const type = raw.cloudFormationType;
    if (type && !type.startsWith('AWS::Serverless::')) resources[type] = compactResource(raw, typeDefs);
  }
  applyPatches(resources);
  const samSpecs = extractSamSpecs(sam, resources, SAM_PROPERTIES_LAND_ON);
  applySamAcceptances(samSpecs, resources);
  for (const [type, spec] of Object.entries(samSpecs)) {
    const primary = SAM_PRIMARY_TYPES[type];
    resources[type] = { ...spec, p: withRuleCheckedPolicies(type, spec.p), a: resources[primary]?.a ?? [] };
  }
  return toFiles(resources);
}

/** SAM `Policies` (names, ARNs, documents, policy templates) are checked by their own rule. */
function withRuleCheckedPolicies(type: string, props: ResourceSpec['p']): ResourceSpec['p'] {
  return props.Policies && type !== 'AWS::Serverless::Connector'
    ? { ...props, Policies: { t: 'json' } }
    : props;
}

function compactResource(raw: RawEntity, typeDefs: ReadonlyMap<string, RawEntity>): ResourceSpec {
  const names = new Map<string, string>();
  const used = new Set<string>();
  const defs: Record<string, Record<string, PropSpec>> = {};
  const pending: RawEntity[] = [];
  // Property types are named by their own name; two with one name in a resource get a suffix.
  const refName = (id: string): string => {
    const known = names.get(id);
    if (known) return known;
    const def = typeDefs.get(id);
    if (!def) return 'json';
    let name = def.name;
    for (let n = 2; used.has(name); n++) name = `${def.name}_${n}`;
    names.set(id, name);
    used.add(name);
    pending.push(def);
    return name;
  };
  const typeOf = (t: RawType): TypeSpec => compactType(t, refName);
  const props = compactProps(raw.properties ?? {}, typeOf);
  for (let def = pending.shift(); def; def = pending.shift()) {
    const name = names.get(def.$id) as string;
    defs[name] = compactProps(def.properties ?? {}, typeOf);
  }
  return { p: props, a: Object.keys(raw.attributes ?? {}).sort(), d: sortKeys(defs) };
}

function compactProps(
  properties: Readonly<Record<string, RawProperty>>,
  typeOf: (t: RawType) => TypeSpec,
): Record<string, PropSpec> {
  const out: Record<string, PropSpec> = {};
  for (const name of Object.keys(properties).sort()) {
    const p = properties[name];
    out[name] = p.required ? { t: typeOf(p.type), r: 1 } : { t: typeOf(p.type) };
  }
  return out;
}

function compactType(t: RawType, refName: (id: string) => string): TypeSpec {
  switch (t.type) {
    case 'array':
      return { a: t.element ? compactType(t.element, refName) : 'json' };
    case 'map':
      return { m: t.element ? compactType(t.element, refName) : 'json' };
    case 'union':
      return { u: (t.types ?? []).map((u) => compactType(u, refName)) };
    case 'ref':
      return t.reference ? `#${refName(t.reference.$ref)}` : 'json';
    case 'string':
    case 'integer':
      return t.allowedValues?.length ? { e: [...t.allowedValues] } : t.type;
    default:
      return t.type;
  }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}

function toFiles(resources: Record<string, ResourceSpec>): SpecFiles {
  const shards = new Map<string, Record<string, ResourceSpec>>();
  const types = Object.keys(resources).sort();
  for (const type of types) {
    const name = shardName(type);
    const shard = shards.get(name) ?? {};
    shard[type] = resources[type];
    shards.set(name, shard);
  }
  const files: SpecFiles = { 'index.json': `${JSON.stringify(types)}\n` };
  for (const [name, shard] of shards) files[`${name}.json`] = `${JSON.stringify(shard as SpecShard)}\n`;
  return files;
}

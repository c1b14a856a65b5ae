/** Loads the compact resource specification lazily: the index once, each namespace's shard when first needed. */
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths';
import { type ResourceSpec, type SpecShard, shardName } from './spec-types';

const shards = new Map<string, SpecShard>();
let index: ReadonlySet<string> | undefined;

const readSpecFile = (name: string) =>
  JSON.parse(readFileSync(packagePath('generator', 'lint', 'spec', name), 'utf8'));

/** Every resource type the specification knows. */
export function knownResourceTypes(): ReadonlySet<string> {
  index ??= new Set(readSpecFile('index.json') as string[]);
  return index;
}

export function resourceSpec(type: string): ResourceSpec | undefined {
  if (!knownResourceTypes().has(type)) return undefined;
  const name = shardName(type);
  let shard = shards.get(name);
  if (!shard) {
    shard = readSpecFile(`${name}.json`) as SpecShard;
    shards.set(name, shard);
  }
  return shard[type];
}

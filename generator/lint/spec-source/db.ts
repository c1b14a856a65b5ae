/**
 * Reads the two sources the compact specification is extracted from: the AWS specification database
 * shipped by @aws-cdk/aws-service-spec (a dev dependency) and the AWS SAM translator's schema, kept
 * in the shared folder beside the repository (`../shared/sam/`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packagePath } from '../../paths';
import type { RawDb } from './extract';
import type { SamSchema } from './sam';

/** The SAM translator version whose schema the committed spec is extracted from. */
export const SAM_SCHEMA_FILE = 'sam-schema-1.110.0.json';

export function readSpecDb(): RawDb {
  const file = require.resolve('@aws-cdk/aws-service-spec/db.json.gz');
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as RawDb;
}

/** Folders the shared SAM schema may sit in: beside a clone, or beside a worktree's parent. */
export const SAM_SCHEMA_DIRS = [packagePath('..', 'shared', 'sam'), packagePath('..', '..', 'shared', 'sam')];

export function readSamSchema(): SamSchema {
  const dir = SAM_SCHEMA_DIRS.find((d) => existsSync(join(d, SAM_SCHEMA_FILE)));
  if (!dir) throw new Error(`${SAM_SCHEMA_FILE} not found in ${SAM_SCHEMA_DIRS.join(' or ')}`);
  return JSON.parse(readFileSync(join(dir, SAM_SCHEMA_FILE), 'utf8')) as SamSchema;
}

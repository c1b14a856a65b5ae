/**
 * Reads the two sources the compact specification is extracted from: the AWS specification database
 * shipped by @aws-cdk/aws-service-spec (a dev dependency) and the AWS SAM translator's schema, kept
 * in the repository beside this module (not shipped in the package: only the extraction reads it).
 */
import { readFileSync } from 'node:fs';
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

export function readSamSchema(): SamSchema {
  const file = packagePath('generator', 'lint', 'spec-source', SAM_SCHEMA_FILE);
  return JSON.parse(readFileSync(file, 'utf8')) as SamSchema;
}

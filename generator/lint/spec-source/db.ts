/** Reads the AWS specification database shipped by @aws-cdk/aws-service-spec (a dev dependency). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { RawDb } from './extract';

export function readSpecDb(): RawDb {
  const file = require.resolve('@aws-cdk/aws-service-spec/db.json.gz');
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as RawDb;
}

// Regenerates generator/lint/spec/ from @aws-cdk/aws-service-spec and the SAM schema in
// generator/lint/spec-source/ (run after upgrading either):
//   node scripts/run-ts.mjs scripts/extract-spec.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSamSchema, readSpecDb } from '../generator/lint/spec-source/db';
import { extractSpec } from '../generator/lint/spec-source/extract';
import { packagePath } from '../generator/paths';

const dir = packagePath('generator', 'lint', 'spec');
const files = extractSpec(readSpecDb(), readSamSchema());
mkdirSync(dir, { recursive: true });
for (const stale of readdirSync(dir))
  if (stale.endsWith('.json') && !(stale in files)) rmSync(join(dir, stale));
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
const bytes = Object.values(files).reduce((sum, text) => sum + text.length, 0);
process.stdout.write(`wrote ${Object.keys(files).length} files (${Math.round(bytes / 1024)} KB) to ${dir}\n`);

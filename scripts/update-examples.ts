// Regenerates the example apps in patterns/<name>/, keeping each pattern's own source files.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplePatterns, exampleRequest, PATTERN_SOURCE_FILES } from '../generator/app/examples';
import { generate } from '../generator/app/generate';
import { packagePath } from '../generator/paths';

for (const pattern of examplePatterns()) {
  const scratch = mkdtempSync(join(tmpdir(), 'wskit-example-'));
  const out = join(scratch, pattern.name);
  await generate(exampleRequest(pattern, out));
  const folder = packagePath('patterns', pattern.name);
  for (const entry of readdirSync(folder)) {
    if (!PATTERN_SOURCE_FILES.includes(entry)) rmSync(join(folder, entry), { recursive: true, force: true });
  }
  cpSync(out, folder, { recursive: true });
  rmSync(scratch, { recursive: true, force: true });
  process.stdout.write(`patterns/${pattern.name}/ updated\n`);
}

// Runs a TypeScript file (a benchmark or a script) with node: esbuild compiles it to a temporary
// ES module next to it, which is imported and then removed.
import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { esmBanner } from './esm-banner.mjs';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node scripts/run-ts.mjs <file.ts> [args...]\n');
  process.exit(2);
}
const source = resolve(file);
const out = join(dirname(source), `.${basename(source, '.ts')}.${process.pid}.mjs`);
await build({
  entryPoints: [source],
  outfile: out,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
  banner: { js: esmBanner },
});
process.argv = [process.argv[0], source, ...args];
try {
  await import(pathToFileURL(out).href);
} finally {
  await rm(out, { force: true });
}

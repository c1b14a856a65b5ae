#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build`, which `npm ci` runs through `prepare`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('wskit: dist/cli.mjs is missing; run `npm run build` in the wskit folder first\n');
  process.exit(1);
}
await import(cli.href);

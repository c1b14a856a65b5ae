// Compiles the CLI to dist/: one ESM entry plus lazily loaded chunks, one per command.
// Dependencies stay in node_modules; the esbuild binary cannot be bundled anyway.
import { build } from 'esbuild';
import { esmBanner } from './esm-banner.mjs';

await build({
  entryPoints: { cli: 'generator/cli/entry.ts', index: 'generator/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: esmBanner },
});

// Compiles the CLI to dist/: one ESM entry plus lazily loaded chunks, one per command.
// The few small packages every command needs at start-up are bundled in, which saves their
// module resolution on each cold start; everything else (esbuild's binary, the AWS SDK, ...)
// stays in node_modules and loads only when a command needs it.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { esmBanner } from './esm-banner.mjs';

const BUNDLED = new Set(['commander', 'js-yaml', 'yaml-cfn', 'smol-toml']);

/** Marks every bare import external unless its package is in BUNDLED. */
const externalUnlessBundled = {
  name: 'external-unless-bundled',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@')
        ? args.path.split('/').slice(0, 2).join('/')
        : args.path.split('/')[0];
      return BUNDLED.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'generator/cli/entry.ts', index: 'generator/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalUnlessBundled],
  outExtension: { '.js': '.mjs' },
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: esmBanner },
});

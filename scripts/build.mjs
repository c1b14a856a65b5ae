// Compiles the CLI to dist/: one ESM entry plus lazily loaded chunks, one per command.
// The few small packages every command needs at start-up are bundled in, which saves their
// module resolution on each cold start; everything else (esbuild's binary, the AWS SDK, ...)
// stays in node_modules and loads only when a command needs it. The public types go to
// dist/types (see build-types.mjs); `--js-only` skips them (the tests run the sources, so their
// set-up needs only the CLI) and keeps the ones already built.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { esmBanner } from './esm-banner.mjs';

const BUNDLED = new Set(['commander', 'js-yaml', 'yaml-cfn', 'smol-toml', 'velocityjs']);

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

// Built beside dist/ and swapped in, so a CLI already running (a parallel test run) never sees it half-built.
const staging = `dist.tmp-${process.pid}`;
await build({
  entryPoints: {
    cli: 'generator/cli/entry.ts',
    index: 'generator/index.ts',
    local: 'generator/local/index.ts',
  },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  plugins: [externalUnlessBundled],
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
  banner: { js: esmBanner },
});

if (!process.argv.includes('--js-only')) {
  const { buildTypes } = await import('./build-types.mjs');
  buildTypes(`${staging}/types`);
} else if (existsSync('dist/types')) {
  renameSync('dist/types', `${staging}/types`);
}

const previous = `dist.old-${process.pid}`;
if (existsSync('dist')) renameSync('dist', previous);
renameSync(staging, 'dist');
rmSync(previous, { recursive: true, force: true });

// Compiles the CLI to dist/: one ESM entry plus lazily loaded chunks, one per command.
// Packages listed in package.json `dependencies` stay in node_modules and load only when a command
// needs them (esbuild's binary, the AWS SDK, ...). The small ones every command needs at start-up
// (commander, js-yaml, yaml-cfn, smol-toml, velocityjs) are devDependencies and bundled in, which
// saves their module resolution on each cold start and their place in a user's install; their
// licences go to dist/THIRD-PARTY-LICENSES. The public types go to dist/types (see
// build-types.mjs); `--js-only` skips them (the tests run the sources, so their set-up needs only
// the CLI) and keeps the ones already built.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { buildConsole } from './build-console.mjs';
import { esmBanner } from './esm-banner.mjs';

const EXTERNAL = new Set([
  ...Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies),
  ...builtinModules,
]);

const packageName = (path) =>
  path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0];

/** Leaves node's modules and wskit's declared dependencies external; bundles everything else. */
const externalDependencies = {
  name: 'external-dependencies',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('node:') || EXTERNAL.has(packageName(args.path))
        ? { path: args.path, external: true }
        : undefined,
    );
  },
};

/** The licence text of every package whose code the bundle holds. */
function thirdPartyLicenses(metafile) {
  const roots = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) roots.add(match[1]);
  }
  return [...roots]
    .sort()
    .map((root) => {
      const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      const file = readdirSync(root).find((entry) => /^licen[cs]e/i.test(entry));
      if (!file) throw new Error(`build: ${name} has no licence file to ship with the bundle`);
      return `${name}@${version}\n\n${readFileSync(join(root, file), 'utf8').trim()}\n`;
    })
    .join(`\n${'-'.repeat(78)}\n\n`);
}

// Built beside dist/ and swapped in, so a CLI already running (a parallel test run) never sees it half-built.
const staging = `dist.tmp-${process.pid}`;
const { metafile } = await build({
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
  plugins: [externalDependencies],
  metafile: true,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
  banner: { js: esmBanner },
});

// The local console's page: browser code, built apart (its packages are bundled, never external).
const consoleMetafile = await buildConsole(`${staging}/console`);
const inputs = { ...metafile.inputs, ...consoleMetafile.inputs };
writeFileSync(`${staging}/THIRD-PARTY-LICENSES`, thirdPartyLicenses({ inputs }));

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

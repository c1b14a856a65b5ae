// Builds the local console's page (generator/local/console/page) for browsers: one minified
// module (preact included), its stylesheet and index.html, into <outDir>. build.mjs puts it in
// dist/console; `node scripts/build-console.mjs <dir>` builds it alone (the browser tests do).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const PAGE = 'generator/local/console/page';

export async function buildConsole(outDir) {
  mkdirSync(outDir, { recursive: true });
  const { metafile } = await build({
    entryPoints: { app: `${PAGE}/main.tsx` },
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  await build({
    entryPoints: [`${PAGE}/app.css`],
    outdir: outDir,
    bundle: true,
    minify: true,
    logLevel: 'warning',
  });
  copyFileSync(join(PAGE, 'index.html'), join(outDir, 'index.html'));
  return metafile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildConsole(process.argv[2] ?? 'dist/console');
}

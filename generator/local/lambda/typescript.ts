/**
 * TypeScript handlers with no JavaScript beside them are bundled with esbuild into a temporary folder
 * before the emulator starts, as `sam build` does for `BuildMethod: esbuild`, so a hand-written SAM
 * TypeScript app runs without a build step. The folder is removed when the emulator stops.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildFailureText } from '../../app/bundle';
import { LocalError } from '../errors';
import type { LocalFunction } from '../types';

export interface BundledFunctions {
  /** The same functions; those from TypeScript now point at their bundles. */
  readonly functions: ReadonlyMap<string, LocalFunction>;
  /** Removes the bundles. */
  remove(): Promise<void>;
}

// An ES module bundle may still hold CommonJS dependencies that call require().
const ESM_REQUIRE =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** `appDir` is the template's folder: errors name files relative to it. */
export async function bundleTypeScriptFunctions(
  functions: ReadonlyMap<string, LocalFunction>,
  appDir: string,
): Promise<BundledFunctions> {
  const sources = [...functions.values()].filter((fn) => fn.typescript);
  if (sources.length === 0) return { functions, remove: async () => {} };
  const outDir = await mkdtemp(join(tmpdir(), 'wskit-local-bundles-'));
  const remove = () => rm(outDir, { recursive: true, force: true });
  try {
    const esbuild = await import('esbuild');
    const bundled = new Map(functions);
    await Promise.all(
      sources.map(async (fn) => bundled.set(fn.id, await bundle(esbuild, fn, join(outDir, fn.id), appDir))),
    );
    return { functions: bundled, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

async function bundle(
  esbuild: typeof import('esbuild'),
  fn: LocalFunction,
  codeDir: string,
  appDir: string,
): Promise<LocalFunction> {
  const { entry, format, external } = fn.typescript as NonNullable<LocalFunction['typescript']>;
  // The bundle takes the handler's module path, so `Handler: app.lambdaHandler` finds app.js.
  const module = fn.handler.slice(0, fn.handler.lastIndexOf('.'));
  await esbuild
    .build({
      entryPoints: [{ in: entry, out: module }],
      outdir: codeDir,
      absWorkingDir: appDir,
      bundle: true,
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      format,
      ...(format === 'esm' ? { outExtension: { '.js': '.mjs' }, banner: { js: ESM_REQUIRE } } : {}),
      external: [...external],
      charset: 'utf8',
      logLevel: 'silent',
    })
    .catch((error: unknown) => {
      throw new LocalError(
        'E_LOCAL_BUILD',
        `function ${fn.id}: bundling ${relative(appDir, entry)} failed: ${buildFailureText(error)}`,
        fn.id,
      );
    });
  return { ...fn, codeDir };
}

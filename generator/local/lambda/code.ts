/**
 * Gets the functions' code ready to run. TypeScript with no JavaScript beside it is bundled with
 * esbuild into a temporary folder, as `sam build` does for `BuildMethod: esbuild`, so a hand-written
 * SAM TypeScript app runs without a build step. With `watch`, esbuild also follows every file each
 * handler imports (polling, so a folder replaced by `wskit generate --force` is followed too) and
 * says when one changes: TypeScript is bundled again, and the function reloads.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { BuildContext, BuildFailure, BuildOptions, BuildResult, Plugin } from 'esbuild';
import { buildFailureText } from '../../app/bundle';
import { LocalError } from '../errors';
import type { LocalFunction } from '../types';
import { handlerFile, handlerModule, JAVASCRIPT_EXTENSIONS } from './handler-files';

export interface FunctionCode {
  /** The same functions; those from TypeScript now point at their bundles. */
  readonly functions: ReadonlyMap<string, LocalFunction>;
  /** Stops watching and removes the bundles. */
  close(): Promise<void>;
}

export interface CodeWatcher {
  /** A file of the function changed and, for TypeScript, the new bundle is written. */
  changed(functionId: string): void;
  /** A change does not build (the function keeps its last good code), or a function cannot be watched. */
  failed(functionId: string, message: string): void;
}

// An ES module bundle may still hold CommonJS dependencies that call require().
const ESM_REQUIRE =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** `appDir` is the template's folder: errors name files relative to it. */
export async function prepareFunctionCode(
  functions: ReadonlyMap<string, LocalFunction>,
  appDir: string,
  watcher?: CodeWatcher,
): Promise<FunctionCode> {
  const typescript = [...functions.values()].filter((fn) => fn.typescript);
  if (typescript.length === 0 && !watcher) return { functions, close: async () => {} };
  const esbuild = await import('esbuild');
  const outDir = typescript.length > 0 ? await mkdtemp(join(tmpdir(), 'wskit-local-bundles-')) : undefined;
  const contexts: BuildContext[] = [];
  const close = async () => {
    await Promise.all(contexts.map((context) => context.dispose()));
    if (outDir) await rm(outDir, { recursive: true, force: true });
  };
  const prepare = async (fn: LocalFunction): Promise<LocalFunction> => {
    const codeDir = fn.typescript ? join(outDir as string, fn.id) : fn.codeDir;
    const options = fn.typescript ? bundleOptions(fn, codeDir, appDir) : watchOptions(fn, appDir);
    if (!options) return fn;
    let result: Pick<BuildResult, 'errors'>;
    if (watcher) {
      const { plugin, firstResult } = reloadPlugin(fn, watcher);
      const context = await esbuild.context({ ...options, plugins: [plugin] });
      contexts.push(context);
      await context.watch();
      result = await firstResult;
    } else {
      result = await esbuild.build(options).catch((failure: BuildFailure) => failure);
    }
    if (result.errors.length === 0) return { ...fn, codeDir };
    const message = buildFailureText(result);
    if (!fn.typescript) {
      watcher?.failed(fn.id, `not watched: its imports cannot be followed: ${message}`);
      return fn;
    }
    const entry = relative(appDir, fn.typescript.entry);
    throw new LocalError('E_LOCAL_BUILD', `function ${fn.id}: bundling ${entry} failed: ${message}`, fn.id);
  };
  try {
    const prepared = await Promise.all([...functions.values()].map(prepare));
    return { functions: new Map(prepared.map((fn) => [fn.id, fn])), close };
  } catch (error) {
    await close();
    throw error;
  }
}

function bundleOptions(fn: LocalFunction, codeDir: string, appDir: string): BuildOptions {
  const { entry, format, external } = fn.typescript as NonNullable<LocalFunction['typescript']>;
  return {
    // The bundle takes the handler's module path, so `Handler: app.lambdaHandler` finds app.js.
    entryPoints: [{ in: entry, out: handlerModule(fn.handler) ?? 'index' }],
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
  };
}

/** JavaScript runs as it is: esbuild only reads its import graph, to know which files to watch. */
function watchOptions(fn: LocalFunction, appDir: string): BuildOptions | undefined {
  const entry = handlerFile(fn.codeDir, fn.handler, JAVASCRIPT_EXTENSIONS);
  if (!entry) return undefined;
  return {
    entryPoints: [entry],
    absWorkingDir: appDir,
    bundle: true,
    write: false,
    packages: 'external',
    platform: 'node',
    logLevel: 'silent',
  };
}

/** Hands the build that watching starts with to `firstResult`, and every later one to the watcher. */
function reloadPlugin(
  fn: LocalFunction,
  watcher: CodeWatcher,
): { plugin: Plugin; firstResult: Promise<BuildResult> } {
  let first: ((result: BuildResult) => void) | undefined;
  const firstResult = new Promise<BuildResult>((resolveFirst) => {
    first = resolveFirst;
  });
  const plugin: Plugin = {
    name: 'wskit-reload',
    setup(build) {
      build.onEnd((result) => {
        if (first) {
          first(result);
          first = undefined;
        } else if (result.errors.length > 0) {
          watcher.failed(
            fn.id,
            `rebuild failed, still running the last good build: ${buildFailureText(result)}`,
          );
        } else {
          watcher.changed(fn.id);
        }
      });
    },
  };
  return { plugin, firstResult };
}

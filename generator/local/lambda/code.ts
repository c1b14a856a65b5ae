/**
 * Gets the functions' code ready to run. TypeScript with no JavaScript beside it is bundled with
 * esbuild into a temporary folder, as `sam build` does for `BuildMethod: esbuild`, so a hand-written
 * SAM TypeScript app runs without a build step. With a watcher, esbuild also follows every file each
 * handler imports (by polling, so a folder replaced by `wskit generate --force` is followed too) and
 * says when one changes, after bundling TypeScript again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { BuildContext, BuildFailure, BuildOptions, BuildResult, Plugin } from 'esbuild';
import { buildFailureText } from '../../app/bundle';
import { LocalError } from '../errors';
import type { LocalFunction } from '../types';
import { handlerFile, handlerModule, JAVASCRIPT_EXTENSIONS } from './handler-files';
import { runtimeOf } from './runtimes';

export interface CodeWatcher {
  /** A file of the function changed and, for TypeScript, the new bundle is written. */
  changed(functionId: string): void;
  /** A change does not build (the function keeps its last good code), or a function cannot be watched. */
  failed(functionId: string, message: string): void;
}

// An ES module bundle may still hold CommonJS dependencies that call require().
const ESM_REQUIRE =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** One function's code as prepared: what runs, and what is held for it. */
interface Prepared {
  /** Where the code comes from (folder, handler, TypeScript entry): while it stays, `owned` is kept. */
  readonly source: string;
  readonly fn: LocalFunction;
  readonly owned: Owned;
}

/** What a prepared function holds and gives back when it goes: its bundle folder and its watcher. */
interface Owned {
  readonly bundleDir?: string;
  readonly context?: BuildContext;
  /** Stops a runtime's own watcher (Python). */
  readonly stopWatching?: () => void;
}

/**
 * The functions' code, kept per function: a function read again from a changed template keeps its
 * bundle and watcher while its source stays the same, so a change to its files is still seen.
 */
export class FunctionCode {
  private prepared = new Map<string, Prepared>();

  private constructor(
    private readonly appDir: string,
    private readonly watcher: CodeWatcher | undefined,
  ) {}

  /** `appDir` is the template's folder: errors name files relative to it. */
  static async prepare(
    functions: ReadonlyMap<string, LocalFunction>,
    appDir: string,
    watcher?: CodeWatcher,
  ): Promise<FunctionCode> {
    const code = new FunctionCode(appDir, watcher);
    await code.update(functions);
    return code;
  }

  /** The functions as they run: those from TypeScript point at their bundles. */
  get functions(): ReadonlyMap<string, LocalFunction> {
    return new Map([...this.prepared].map(([id, entry]) => [id, entry.fn]));
  }

  /**
   * Takes the functions of a template read again: new sources are prepared, unchanged ones kept
   * (with their new definition), removed ones let go. A build that fails changes nothing.
   */
  async update(functions: ReadonlyMap<string, LocalFunction>): Promise<ReadonlyMap<string, LocalFunction>> {
    const current = new Set([...this.prepared.values()].map((entry) => entry.owned));
    // Every build settles before a failure is reported, so all it started can be let go.
    const outcomes = await Promise.allSettled(
      [...functions.values()].map(async (fn): Promise<Prepared> => {
        const kept = this.prepared.get(fn.id);
        if (kept?.source !== sourceOf(fn)) return this.prepareOne(fn);
        return { ...kept, fn: { ...fn, codeDir: kept.fn.codeDir } };
      }),
    );
    const ready = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const readyOwned = new Set(ready.map((entry) => entry.owned));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) {
      await Promise.all([...readyOwned].filter((owned) => !current.has(owned)).map(release));
      throw failure.reason;
    }
    this.prepared = new Map(ready.map((entry) => [entry.fn.id, entry]));
    await Promise.all([...current].filter((owned) => !readyOwned.has(owned)).map(release));
    return this.functions;
  }

  /** Stops watching and removes the bundles. */
  async close(): Promise<void> {
    const all = [...this.prepared.values()];
    this.prepared.clear();
    await Promise.all(all.map((entry) => release(entry.owned)));
  }

  /** Bundles TypeScript and, when watching, starts following the function's files. */
  private async prepareOne(fn: LocalFunction): Promise<Prepared> {
    const source = sourceOf(fn);
    if (!fn.typescript && !this.watcher) return { source, fn, owned: {} };
    const choice = runtimeOf(fn);
    if (!choice.ok) return { source, fn, owned: {} };
    if (choice.runtime.watchSources && this.watcher) {
      const watcher = this.watcher;
      const stopWatching = choice.runtime.watchSources(fn, () => watcher.changed(fn.id));
      return { source, fn, owned: { stopWatching } };
    }
    const esbuild = await import('esbuild');
    const bundleDir = fn.typescript ? await mkdtemp(join(tmpdir(), 'wskit-local-bundles-')) : undefined;
    const runs = bundleDir ? { ...fn, codeDir: bundleDir } : fn;
    const options = bundleDir ? bundleOptions(fn, bundleDir, this.appDir) : watchOptions(fn, this.appDir);
    if (!options) return { source, fn: runs, owned: {} };
    let context: BuildContext | undefined;
    let result: Pick<BuildResult, 'errors'>;
    if (this.watcher) {
      const { plugin, firstResult } = reloadPlugin(fn, this.watcher);
      context = await esbuild.context({ ...options, plugins: [plugin] });
      await context.watch();
      result = await firstResult;
    } else {
      result = await esbuild.build(options).catch((failure: BuildFailure) => failure);
    }
    const owned: Owned = { ...(bundleDir ? { bundleDir } : {}), ...(context ? { context } : {}) };
    if (result.errors.length === 0) return { source, fn: runs, owned };
    const message = buildFailureText(result);
    if (!fn.typescript) {
      this.watcher?.failed(fn.id, `not watched: its imports cannot be followed: ${message}`);
      return { source, fn: runs, owned };
    }
    await release(owned);
    const file = relative(this.appDir, fn.typescript.entry);
    throw new LocalError('E_LOCAL_BUILD', `function ${fn.id}: bundling ${file} failed: ${message}`, fn.id);
  }
}

/** What decides whether a function's prepared code can be kept. */
function sourceOf(fn: LocalFunction): string {
  return JSON.stringify([fn.codeDir, fn.handler, fn.typescript ?? null]);
}

async function release(owned: Owned): Promise<void> {
  owned.stopWatching?.();
  await owned.context?.dispose();
  if (owned.bundleDir) await rm(owned.bundleDir, { recursive: true, force: true });
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

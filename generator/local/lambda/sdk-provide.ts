/**
 * The whole AWS SDK, as the Lambda Node.js runtimes have it. Before the functions run, each
 * `@aws-sdk/*` package their code imports is looked for where Lambda would find it: the handler's
 * own node_modules, its layers', then the clients wskit ships. One found nowhere is installed into
 * the per-user cache (sdk-cache.cjs, sdk-install.ts), so a handler importing a client wskit does not
 * ship loads, and its `$connect` works, though nothing calls that service locally.
 *
 * This happens when the code is prepared rather than at import: the install (seconds, once) then
 * never counts against an invocation's Timeout, and the workers only resolve. Under `--offline`, or
 * when npm fails, nothing is installed: one line says which command installs the package, and the
 * function's import fails with the same command (runtime-sdk.cjs).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packagePath } from '../../paths';
import type { LocalFunction } from '../types';
import { handlerFile, JAVASCRIPT_EXTENSIONS } from './handler-files';
import { layerModuleDirs } from './runtimes/nodejs';
import { sdkCache } from './sdk-cache-loader';
import { installSdkPackage, type SdkInstallOutcome } from './sdk-install';

export interface ProvideSdkOptions {
  /** False under `--offline`: say what is missing, install nothing. */
  readonly install: boolean;
  readonly log: (line: string) => void;
  /** Where the cache is and how npm runs. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** Installs in one process are shared: two functions importing one client wait for one install. */
const installing = new Map<string, Promise<SdkInstallOutcome>>();

/**
 * Makes every `@aws-sdk/*` package the Node.js functions import resolvable; never throws. Returns
 * how many packages were missing and are now installed.
 */
export async function provideSdk(
  functions: Iterable<LocalFunction>,
  options: ProvideSdkOptions,
): Promise<number> {
  const env = options.env ?? process.env;
  const root = sdkCache.sdkCacheRoot(env);
  const { release, pins } = sdkCache.shippedSdk();
  const cached = (name: string) =>
    existsSync(join(sdkCache.cachedProjectDir(root, release, name), 'node_modules', name, 'package.json'));
  const nodeFunctions = [...functions].filter((fn) => (fn.runtime ?? 'nodejs').startsWith('nodejs'));
  const needs = await Promise.all(
    nodeFunctions.map(async (fn) => ({
      fn,
      missing: (await missingSdk(fn)).filter((name) => !cached(name)),
    })),
  );
  const wanted = needs.filter((need) => need.missing.length > 0);
  if (wanted.length === 0) return 0;
  const outcomes = await Promise.all(
    wanted.flatMap(({ fn, missing }) =>
      missing.map(async (name) => {
        const dir = sdkCache.cachedProjectDir(root, release, name);
        const from = sourceFile(fn);
        const command = sdkCache.installCommand(
          name,
          release,
          sdkCache.projectDir(from ? dirname(from) : fn.codeDir),
        );
        if (!options.install) {
          options.log(`[${fn.id}] ${name} is not installed, and --offline installs nothing; ${command}`);
          return false;
        }
        let outcome = installing.get(dir);
        if (!outcome) {
          const range = sdkCache.releaseRange(release);
          outcome = installSdkPackage(name, { dir, range, release, pins, log: options.log, env });
          installing.set(dir, outcome);
        }
        const result = await outcome;
        if (!result.ok) {
          installing.delete(dir);
          options.log(`[${fn.id}] could not install ${name}: ${result.reason}; ${command}`);
        }
        return result.ok;
      }),
    ),
  );
  return outcomes.filter(Boolean).length;
}

/** The `@aws-sdk/*` packages the function's code imports that neither it, its layers nor wskit has. */
async function missingSdk(fn: LocalFunction): Promise<string[]> {
  const file = sourceFile(fn);
  if (!file) return [];
  const names = await sdkImports(file);
  const own = dirname(file);
  const layers = layerModuleDirs(fn);
  const wskit = dirname(packagePath('generator', 'local', 'lambda', 'runtime-sdk.cjs'));
  return names.filter(
    (name) =>
      !packageAbove(own, name) &&
      !layers.some((modules) => existsSync(join(modules, name, 'package.json'))) &&
      !packageAbove(wskit, name),
  );
}

/** The file esbuild starts from: the TypeScript entry, else the handler's JavaScript module. */
function sourceFile(fn: LocalFunction): string | undefined {
  return fn.typescript?.entry ?? handlerFile(fn.codeDir, fn.handler, JAVASCRIPT_EXTENSIONS);
}

/** The `@aws-sdk/*` packages a module and the files it imports name, as esbuild follows them. */
export async function sdkImports(entry: string): Promise<string[]> {
  const esbuild = await import('esbuild');
  const result = await esbuild
    .build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      packages: 'external',
      logLevel: 'silent',
    })
    .catch(() => undefined); // code that does not build fails when it loads, with the runtime's error
  const names = new Set<string>();
  for (const input of Object.values(result?.metafile?.inputs ?? {})) {
    for (const imported of input.imports) {
      if (imported.external && imported.path.startsWith('@aws-sdk/')) {
        names.add(sdkCache.packageName(imported.path));
      }
    }
  }
  return [...names].sort();
}

/** Is `name` in a node_modules folder at or above `dir`, as Node's resolution looks? */
function packageAbove(dir: string, name: string): boolean {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules', name, 'package.json'))) return true;
    if (dirname(at) === at) return false;
  }
}

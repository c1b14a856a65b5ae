/**
 * Bundles each function's source with esbuild into `<codeDir>/index.js` (CommonJS), the folder its
 * CodeUri names, so `sam deploy` needs no `sam build`. `@aws-sdk/*` stays external: the nodejs22.x
 * and nodejs24.x runtimes ship SDK v3, and the bundle stays a few KB.
 */
import { existsSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import type { BuildFailure, Message } from 'esbuild';
import { BundleError, show } from '../errors';
import type { LambdaFunction, Runtime } from '../model/types';

export interface BundleRequest {
  readonly fn: LambdaFunction;
  readonly codeDir: string;
}

/** Node version esbuild targets for each Lambda runtime. */
const TARGETS: Record<Runtime, string> = { 'nodejs22.x': 'node22', 'nodejs24.x': 'node24' };

export async function bundleFunctions(
  requests: readonly BundleRequest[],
  outDir: string,
  baseDir: string,
): Promise<void> {
  if (requests.length === 0) return;
  const esbuild = await import('esbuild');
  const entries = requests.map((request) => ({ ...request, entry: resolve(baseDir, request.fn.entry) }));
  for (const { fn, entry } of entries) {
    if (!existsSync(entry))
      throw new BundleError(
        'E_BUNDLE_ENTRY',
        `function ${show(fn.id)}: entry ${show(fn.entry)} does not exist (looked at ${entry})`,
        fn.id,
      );
  }
  const runtimes = [...new Set(entries.map((e) => e.fn.runtime))].sort();
  // The export check and the bundles are independent esbuild runs: let them overlap. All of them
  // settle before a failure is reported, so no bundle is still being written when the caller
  // removes the staging folder.
  const outcomes = await Promise.allSettled([
    checkHandlerExports(esbuild, entries, baseDir),
    ...runtimes.map((runtime) =>
      bundleGroup(
        esbuild,
        entries.filter((e) => e.fn.runtime === runtime),
        runtime,
        outDir,
        baseDir,
      ),
    ),
  ]);
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

async function bundleGroup(
  esbuild: typeof import('esbuild'),
  group: readonly (BundleRequest & { entry: string })[],
  runtime: Runtime,
  outDir: string,
  baseDir: string,
): Promise<void> {
  await esbuild
    .build({
      entryPoints: group.map((e) => ({ in: e.entry, out: `${e.codeDir}/index` })),
      outdir: outDir,
      absWorkingDir: baseDir,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: TARGETS[runtime],
      external: ['@aws-sdk/*'],
      mainFields: ['module', 'main'],
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'silent',
    })
    .catch((error: unknown) => {
      throw bundleError(group.map((e) => e.fn.id).join(', '), error);
    });
}

/** Fails when a function's handler is not among its source's exports (ES module sources only). */
async function checkHandlerExports(
  esbuild: typeof import('esbuild'),
  entries: readonly (BundleRequest & { entry: string })[],
  baseDir: string,
): Promise<void> {
  const result = await esbuild
    .build({
      entryPoints: entries.map((e, index) => ({ in: e.entry, out: `entry${index}` })),
      outdir: '/wskit-exports',
      absWorkingDir: baseDir,
      bundle: false,
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    .catch((error: unknown) => {
      throw bundleError(entries.map((e) => e.fn.id).join(', '), error);
    });
  entries.forEach(({ fn, entry }, index) => {
    const output = Object.entries(result.metafile.outputs).find(([file]) =>
      file.endsWith(`/entry${index}.js`),
    )?.[1];
    const exports = output?.exports ?? [];
    // A CommonJS .js source lists no ES exports; it is checked when Lambda loads it.
    const commonJs = exports.length === 0 && ['.js', '.cjs'].includes(extname(entry));
    if (!commonJs && !exports.includes(fn.handler)) {
      throw new BundleError(
        'E_BUNDLE_HANDLER',
        `function ${show(fn.id)}: ${relative(baseDir, entry)} does not export ${show(fn.handler)} (it exports ${exports.map((e) => show(e)).join(', ') || 'nothing'})`,
        fn.id,
      );
    }
  });
}

function bundleError(what: string, error: unknown): BundleError {
  return new BundleError('E_BUNDLE', `bundling ${what} failed: ${buildFailureText(error)}`, what);
}

/** esbuild's first error with where it is (`Expected ";" but found "x" (src/app.ts:3:7)`), on one line. */
export function buildFailureText(error: unknown): string {
  const first: Message | undefined = (error as BuildFailure).errors?.[0];
  if (!first) return (error as Error).message;
  const where = first.location
    ? ` (${first.location.file}:${first.location.line}:${first.location.column})`
    : '';
  return `${first.text}${where}`;
}

/**
 * Loads a user's TypeScript app file: esbuild compiles it (with its imports) to CommonJS in memory,
 * and it runs with `wskit` resolved to this very library, so the model it builds and the errors it
 * throws are ours. The file's default export (or `app` export) must be a `webSocketApp(...)`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { BuildFailure } from 'esbuild';
import { UsageError, WskitError } from '../errors';
import type { App } from '../model/types';

export async function loadAppFile(file: string): Promise<App> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError('E_APP_FILE', `--app ${file}: file does not exist`, 'app');
  const esbuild = await import('esbuild');
  const built = await esbuild
    .build({
      entryPoints: [path],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['wskit'],
      logLevel: 'silent',
    })
    .catch((error: BuildFailure) => {
      const first = error.errors?.[0];
      const where = first?.location
        ? `${first.location.file}:${first.location.line}:${first.location.column}: `
        : '';
      throw new UsageError('E_APP_FILE', `--app ${file}: ${where}${first?.text ?? error.message}`, 'app');
    });
  const library = await import('../index');
  const requireFromFile = createRequire(path);
  const module = { exports: {} as Record<string, unknown> };
  const load = new Function(
    'module',
    'exports',
    'require',
    '__filename',
    '__dirname',
    built.outputFiles[0]?.text ?? '',
  );
  try {
    load(
      module,
      module.exports,
      (id: string) => (id === 'wskit' ? library : requireFromFile(id)),
      path,
      dirname(path),
    );
  } catch (error) {
    if (error instanceof WskitError) throw error;
    throw new UsageError(
      'E_APP_FILE',
      `--app ${file}: running it failed: ${(error as Error)?.message ?? String(error)}`,
      'app',
    );
  }
  const app = (module.exports.default ?? module.exports.app) as App | undefined;
  if (app?.kind !== 'app') {
    throw new UsageError(
      'E_APP_FILE',
      `--app ${file}: must \`export default\` an app made with webSocketApp(...)`,
      'app',
    );
  }
  return app;
}

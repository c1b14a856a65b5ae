/** Where a function's handler code is: `Handler: app.lambdaHandler` names the module `app`. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const JAVASCRIPT_EXTENSIONS = ['.js', '.cjs', '.mjs'] as const;
export const TYPESCRIPT_EXTENSIONS = ['.ts', '.mts', '.cts'] as const;

/** `app.lambdaHandler` → `app`, `src/app.handler` → `src/app`; undefined without a module part. */
export function handlerModule(handler: string): string | undefined {
  const dot = handler.lastIndexOf('.');
  return dot > 0 ? handler.slice(0, dot) : undefined;
}

/** The module's first file with one of `extensions` in `codeDir`, as an absolute path. */
export function handlerFile(
  codeDir: string,
  handler: string,
  extensions: readonly string[],
): string | undefined {
  const module = handlerModule(handler);
  if (module === undefined) return undefined;
  return extensions.map((extension) => resolve(codeDir, module + extension)).find((file) => existsSync(file));
}

// Module resolution hooks for ES module handlers, which CommonJS hooks do not reach: an import of a
// package the Lambda runtime provides (see runtime-sdk.cjs) that finds nothing beside the handler is
// resolved from wskit's files instead. Nothing else falls back: a missing dependency fails as on AWS.
import { fileURLToPath } from 'node:url';
import { missingPackage, providedByRuntime } from './runtime-sdk.cjs';

const RUNTIME_PARENT = new URL('./runtime-sdk.cjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  // Read now: the hook chain may update `context` while resolving.
  const { parentURL } = context;
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !providedByRuntime(specifier)) throw error;
    try {
      return await nextResolve(specifier, { ...context, parentURL: RUNTIME_PARENT });
    } catch {
      const importer = parentURL?.startsWith('file:') ? fileURLToPath(parentURL) : undefined;
      throw missingPackage(specifier, importer, 'ERR_MODULE_NOT_FOUND');
    }
  }
}

// Module resolution hooks for ES module handlers, which CommonJS hooks do not reach: the same
// fallbacks as runtime-sdk.cjs. What a TypeScript bundle left external is looked for from its source
// folder; then the function's layers are searched (their node_modules, as NODE_PATH lists /opt's);
// a package the Lambda runtime provides that finds nothing there is resolved from wskit's files, then
// from the cache of the SDK packages wskit does not ship.
// Nothing else falls back: a missing dependency fails as on AWS.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inBundle, isBare, missingPackage, providedByRuntime } from './runtime-sdk.cjs';

const RUNTIME_PARENT = new URL('./runtime-sdk.cjs', import.meta.url).href;

/** `{ dir, sourceDir }` when the handler is a TypeScript bundle. */
let bundle;
/** The node_modules folders of the function's layers, in NODE_PATH's order. */
let layerModules = [];
/** The node_modules folders of the cached SDK packages. */
let cacheModules = [];

export function initialize(data) {
  bundle = data?.bundle;
  layerModules = data?.layerModules ?? [];
  cacheModules = data?.cacheModules ?? [];
}

/** Resolved as if imported from the folder that holds `modules` (a node_modules folder). */
async function resolveIn(modules, specifier, context, nextResolve) {
  for (const dir of modules) {
    try {
      const parentURL = pathToFileURL(join(dir, '..', 'importer.js')).href;
      return await nextResolve(specifier, { ...context, parentURL });
    } catch {}
  }
  return undefined;
}

export async function resolve(specifier, context, nextResolve) {
  // Read now: the hook chain may update `context` while resolving.
  const { parentURL } = context;
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !isBare(specifier)) throw error;
    const importer = parentURL?.startsWith('file:') ? fileURLToPath(parentURL) : undefined;
    const fromBundle = inBundle(bundle, importer);
    if (fromBundle) {
      const sourceParent = pathToFileURL(join(bundle.sourceDir, 'index.js')).href;
      try {
        return await nextResolve(specifier, { ...context, parentURL: sourceParent });
      } catch {}
    }
    const fromLayer = await resolveIn(layerModules, specifier, context, nextResolve);
    if (fromLayer) return fromLayer;
    if (!providedByRuntime(specifier)) throw error;
    try {
      return await nextResolve(specifier, { ...context, parentURL: RUNTIME_PARENT });
    } catch {
      const cached = await resolveIn(cacheModules, specifier, context, nextResolve);
      if (cached) return cached;
      throw missingPackage(
        specifier,
        importer,
        fromBundle ? bundle.sourceDir : undefined,
        'ERR_MODULE_NOT_FOUND',
      );
    }
  }
}

'use strict';
// The AWS SDK the Lambda runtime provides. The Node.js runtimes on AWS ship every @aws-sdk/* package
// (and the @smithy/* ones under them), so handlers import them without installing them. Here the
// handler's own copy (in node_modules up its folder tree) comes first, as on AWS, then its layers'
// (NODE_PATH under /opt on AWS); otherwise the package is resolved from this file, which finds the
// copies wskit ships wherever the package manager put them (wskit's own node_modules, or the folders
// above it when they were hoisted); then from the per-user cache of the @aws-sdk/* packages wskit
// does not ship (sdk-cache.cjs, filled before the function runs by sdk-provide.ts). A package found
// nowhere fails with the one command that makes it available.
//
// A TypeScript handler runs from its bundle in a temporary folder: what the bundle left external is
// looked for from the folder of its source, as `sam build` would have installed it beside the bundle.
const Module = require('node:module');
const { dirname, isAbsolute, sep } = require('node:path');
const { installCommand, packageName, projectDir, shippedSdk } = require('./sdk-cache.cjs');

const PROVIDED = /^@(aws-sdk|smithy)\//;

function providedByRuntime(specifier) {
  return PROVIDED.test(specifier);
}

/** A package name, not a relative or absolute path or a `node:` builtin. */
function isBare(specifier) {
  return !specifier.startsWith('.') && !isAbsolute(specifier) && !/^[a-z]+:/.test(specifier);
}

/** `bundle`: `{ dir, sourceDir }` for a TypeScript bundle. Is `file` in it? */
function inBundle(bundle, file) {
  return Boolean(bundle && file?.startsWith(bundle.dir + sep));
}

/** `@aws-sdk/client-kinesis` cannot be found from the handler (or its source) nor from wskit. */
function missingPackage(specifier, importerFile, sourceDir, code) {
  const name = packageName(specifier);
  const from = sourceDir ?? (importerFile ? dirname(importerFile) : undefined);
  const where = from ? projectDir(from) : process.cwd();
  const message =
    `Cannot find package '${name}'${importerFile ? ` imported from ${importerFile}` : ''}. ` +
    'The Lambda runtime provides it on AWS; wskit local installs it on first use, but not under --offline or when npm fails. ' +
    `To run this function locally: ${installCommand(name, shippedSdk().release, where)}`;
  return Object.assign(new Error(message), { code });
}

/**
 * CommonJS: what a bundle left external comes from its source folder; then packages of the
 * function's layers (`layerModules`: their node_modules folders, as NODE_PATH lists /opt's); provided
 * packages from here, then from the cache (`cacheModules`: its node_modules folders).
 */
function provideSdkToCommonJs(bundle, layerModules = [], cacheModules = []) {
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function runtimeAware(request, parent, isMain, options) {
    try {
      return resolveFilename.call(this, request, parent, isMain, options);
    } catch (error) {
      if (error?.code !== 'MODULE_NOT_FOUND' || !isBare(request)) throw error;
      const fromBundle = inBundle(bundle, parent?.filename);
      if (fromBundle) {
        try {
          return resolveFilename.call(this, request, parent, false, { paths: [bundle.sourceDir] });
        } catch {}
      }
      const fromLayer = layerModules.length > 0 && Module._findPath(request, layerModules, false);
      if (fromLayer) return fromLayer;
      if (!providedByRuntime(request)) throw error;
      try {
        return resolveFilename.call(this, request, module, false);
      } catch {
        const cached = cacheModules.length > 0 && Module._findPath(request, cacheModules, false);
        if (cached) return cached;
        throw missingPackage(
          request,
          parent?.filename,
          fromBundle ? bundle.sourceDir : undefined,
          'MODULE_NOT_FOUND',
        );
      }
    }
  };
}

module.exports = { inBundle, isBare, missingPackage, provideSdkToCommonJs, providedByRuntime };

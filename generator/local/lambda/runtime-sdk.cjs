'use strict';
// The AWS SDK the Lambda runtime provides. The Node.js runtimes on AWS ship every @aws-sdk/* package
// (and the @smithy/* ones under them), so handlers import them without installing them. Here the
// handler's own copy (in node_modules up its folder tree) comes first, as on AWS; otherwise the
// package is resolved from this file, which finds the copies wskit ships wherever the package manager
// put them (wskit's own node_modules, or the folders above it when they were hoisted). A package
// wskit does not ship fails with the one command that makes it available.
const { existsSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');

const PROVIDED = /^@(aws-sdk|smithy)\//;

function providedByRuntime(specifier) {
  return PROVIDED.test(specifier);
}

/** The folder to install into: the importer's nearest package.json, else its own folder. */
function projectDir(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

/** `@aws-sdk/client-kinesis` cannot be found from the handler nor from wskit. */
function missingPackage(specifier, importerFile, code) {
  const name = specifier.split('/').slice(0, 2).join('/');
  const where = importerFile ? projectDir(dirname(importerFile)) : process.cwd();
  const message =
    `Cannot find package '${name}'${importerFile ? ` imported from ${importerFile}` : ''}. ` +
    'The Lambda runtime provides it on AWS; wskit local provides only the SDK clients SAM apps use most. ' +
    `To run this function locally: npm install --save-dev ${name} (in ${where})`;
  return Object.assign(new Error(message), { code });
}

/** CommonJS: a provided package the handler's folders lack is resolved from here. */
function provideSdkToCommonJs() {
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function runtimeAware(request, parent, isMain, options) {
    try {
      return resolveFilename.call(this, request, parent, isMain, options);
    } catch (error) {
      if (error?.code !== 'MODULE_NOT_FOUND' || !providedByRuntime(request)) throw error;
      try {
        return resolveFilename.call(this, request, module, false);
      } catch {
        throw missingPackage(request, parent?.filename, 'MODULE_NOT_FOUND');
      }
    }
  };
}

module.exports = { missingPackage, provideSdkToCommonJs, providedByRuntime };

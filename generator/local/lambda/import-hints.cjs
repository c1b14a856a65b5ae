'use strict';
// Why a handler's import failed, in the words a developer needs, added to the error the Lambda
// runtime reports (Runtime.ImportModuleError). Two causes are common in apps written for AWS:
// the AWS SDK v2, which the nodejs18.x and later runtimes no longer include, and a dependency the
// function's package.json lists but that nobody installed yet (`sam build` installs them; a clone
// that has not run it has no node_modules).
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const AWS_SDK_V2 =
  "the Lambda Node.js runtimes from nodejs18.x on include only the AWS SDK v3, @aws-sdk/*: add aws-sdk to the function's package.json or move the code to v3";

/** The package a "Cannot find module/package" message names (`@scope/name` or `name`), if bare. */
function missingPackage(message) {
  const specifier = /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1];
  if (!specifier || specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) {
    return undefined;
  }
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The nearest package.json from `dir` up that lists `name` among its dependencies, and its folder. */
function declaringManifest(dir, name) {
  for (let current = dir; ; current = dirname(current)) {
    const manifest = join(current, 'package.json');
    if (existsSync(manifest)) {
      try {
        const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
        if (name in dependencies || name in devDependencies) return current;
      } catch {
        // an unreadable package.json says nothing about the package
      }
    }
    if (dirname(current) === current) return undefined;
  }
}

/** The hint for an import error of a handler in `codeDir`, or '' when there is none to give. */
function importHint(message, codeDir) {
  const name = missingPackage(message);
  if (!name) return '';
  if (name === 'aws-sdk' && !declaringManifest(codeDir, name)) return ` (${AWS_SDK_V2})`;
  const folder = declaringManifest(codeDir, name);
  if (folder && !existsSync(join(folder, 'node_modules', name))) {
    return ` (${join(folder, 'package.json')} lists ${name}, but it is not installed: run npm install in ${folder}, as sam build does)`;
  }
  return '';
}

module.exports = { importHint };

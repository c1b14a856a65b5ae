'use strict';
// The AWS SDK packages wskit does not ship, kept in a per-user cache. The Lambda Node.js runtimes
// ship every @aws-sdk/* package; wskit ships the clients SAM apps use most, and installs any other
// one a handler imports on first use, here, at the SDK release of the clients it ships: the newest
// version of the package at or before that release, with the @aws-sdk/* and @smithy/* packages
// under it pinned to the very versions wskit runs, so the parts they share are the same code.
//
//   $WSKIT_CACHE_DIR (default $XDG_CACHE_HOME/wskit, else ~/.cache/wskit)
//     aws-sdk/<release>/<scope>+<name>/node_modules/...   one npm project per package
//
// Workers (runtime-sdk.cjs, runtime-modules.mjs) only read it, so this file has no Node-only
// dependencies beyond node:*; installing is sdk-install.ts's job.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');

/** `$WSKIT_CACHE_DIR/aws-sdk`. */
function sdkCacheRoot(env = process.env) {
  const base = env.WSKIT_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'wskit');
  return join(base, 'aws-sdk');
}

/** `@aws-sdk/client-bedrock-runtime/dist-cjs/x` → `@aws-sdk/client-bedrock-runtime`. */
function packageName(specifier) {
  return specifier.split('/').slice(0, 2).join('/');
}

/** The folder of one cached package's npm project. */
function cachedProjectDir(root, release, name) {
  return join(root, release, name.replace('/', '+'));
}

/** The node_modules folders of every package cached for this release, to resolve from. */
function cachedModuleDirs(root, release) {
  const dir = join(root, release);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => !entry.startsWith('.') && !entry.endsWith('.lock'))
    .map((entry) => join(dir, entry, 'node_modules'))
    .filter((modules) => existsSync(modules));
}

let shipped;

/**
 * The SDK wskit ships: its release (the newest version among its @aws-sdk/client-* packages, as
 * all clients of a release share its number) and the version of every @aws-sdk/* and @smithy/*
 * package installed beside them.
 */
function shippedSdk() {
  if (shipped) return shipped;
  const scopeDir = (name) =>
    dirname(dirname(require.resolve(`${name}/package.json`, { paths: [__dirname] })));
  const pins = {};
  let release = '3.0.0';
  for (const scope of [scopeDir('@aws-sdk/client-dynamodb'), scopeDir('@smithy/core')]) {
    const prefix = scope.endsWith('@smithy') ? '@smithy' : '@aws-sdk';
    for (const entry of readdirSync(scope)) {
      const manifest = join(scope, entry, 'package.json');
      if (!existsSync(manifest)) continue;
      const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
      pins[`${prefix}/${entry}`] = version;
      if (entry.startsWith('client-') && newer(version, release)) release = version;
    }
  }
  shipped = { release, pins };
  return shipped;
}

function newer(a, b) {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return false;
}

/** The npm range that picks a package's version of this release: its newest at or before it. */
function releaseRange(release) {
  return `<=${release}`;
}

/** The folder to install into: the nearest with a package.json at or above `from`, else `from`. */
function projectDir(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

/** The command that makes a package available to a handler in `projectDir` without the cache. */
function installCommand(name, release, projectDir) {
  return `npm install --save-dev "${name}@${releaseRange(release)}" (in ${projectDir})`;
}

module.exports = {
  cachedModuleDirs,
  cachedProjectDir,
  installCommand,
  packageName,
  projectDir,
  releaseRange,
  sdkCacheRoot,
  shippedSdk,
};

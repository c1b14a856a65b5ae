'use strict';
// One Lambda execution environment in a worker thread: loads the function's bundle once (the init
// phase), then runs one invocation at a time, keeping module state between them as a warm Lambda does.
const { existsSync, readFileSync, realpathSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, resolve } = require('node:path');
const { pathToFileURL } = require('node:url');
const { parentPort, workerData, threadId } = require('node:worker_threads');
const { redirectHttpsToEmulator } = require('./emulator-https.cjs');
const { provideSdkToCommonJs } = require('./runtime-sdk.cjs');

const {
  codeDir,
  handler,
  sourceDir,
  layerModules,
  cacheModules,
  timeoutMs,
  functionName,
  invokedFunctionArn,
  memoryLimitInMB,
} = workerData;
// A TypeScript handler runs from its bundle in codeDir; what it left external is beside its source.
const bundle = sourceDir ? { dir: realpathSync(codeDir), sourceDir } : undefined;
// The Lambda runtime provides the AWS SDK, so handlers import it uninstalled and bundles leave it out.
// Packages of the function's layers come after its own and before the runtime's, as NODE_PATH on Lambda.
provideSdkToCommonJs(bundle, layerModules, cacheModules);
// Where the local API's https addresses go (see runtimes/types.ts); the handler does not see it.
if (process.env.WSKIT_LOCAL_REDIRECT) redirectHttpsToEmulator(JSON.parse(process.env.WSKIT_LOCAL_REDIRECT));
delete process.env.WSKIT_LOCAL_REDIRECT;
const logStreamName = `local/[$LATEST]${threadId}`;
const dot = handler.lastIndexOf('.');
const modulePath = resolve(codeDir, handler.slice(0, dot));
const exportName = handler.slice(dot + 1);

function errorInfo(error, fallbackType) {
  if (error instanceof Error) {
    return { errorType: error.name || fallbackType, errorMessage: error.message, stack: error.stack };
  }
  return { errorType: fallbackType, errorMessage: typeof error === 'string' ? error : JSON.stringify(error) };
}

/** The handler's file: `<codeDir>/<module>.js`, `.cjs` or `.mjs`, as the Lambda runtime looks. */
function handlerFile() {
  return ['.js', '.cjs', '.mjs'].map((extension) => modulePath + extension).find((file) => existsSync(file));
}

/** `.mjs`, or `.js` under a package.json with `"type": "module"`, as Node decides. */
function isEsModule(file) {
  if (file.endsWith('.mjs') || file.endsWith('.cjs')) return file.endsWith('.mjs');
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        return JSON.parse(readFileSync(manifest, 'utf8')).type === 'module';
      } catch {
        return false;
      }
    }
    if (dirname(dir) === dir) return false;
  }
}

/** CommonJS through require(); ES modules through import(), resolving the runtime's SDK as on Lambda. */
async function loadModule(file) {
  if (!isEsModule(file)) return require(file);
  Module.register(pathToFileURL(resolve(__dirname, 'runtime-modules.mjs')), {
    data: { bundle, layerModules, cacheModules },
  });
  return import(pathToFileURL(file).href);
}

async function loadHandler() {
  const file = handlerFile();
  if (!file) {
    throw Object.assign(new Error(`Cannot find module '${handler.slice(0, dot)}' in ${codeDir}`), {
      name: 'Runtime.ImportModuleError',
    });
  }
  const loaded = await loadModule(file).catch((error) => {
    // As the Lambda runtime reports a handler module whose imports cannot be found.
    if (error?.code === 'MODULE_NOT_FOUND' || error?.code === 'ERR_MODULE_NOT_FOUND') {
      error.name = 'Runtime.ImportModuleError';
    }
    throw error;
  });
  const fn = loaded?.[exportName] ?? loaded?.default?.[exportName];
  if (typeof fn !== 'function') {
    throw Object.assign(new Error(`${handler} is undefined or not exported`), {
      name: 'Runtime.HandlerNotFound',
    });
  }
  return fn;
}

const ready = loadHandler();
ready.catch(() => {}); // reported on each invocation instead

function makeContext(awsRequestId, deadlineMs) {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn,
    memoryLimitInMB: String(memoryLimitInMB),
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName,
    getRemainingTimeInMillis: () => Math.max(0, deadlineMs - Date.now()),
    done() {},
    fail() {},
    succeed() {},
  };
}

function call(fn, event, context) {
  if (fn.length < 3) return Promise.resolve().then(() => fn(event, context));
  // Callback-style handler: the first of callback or returned promise wins.
  return new Promise((resolvePromise, reject) => {
    const callback = (error, result) => (error ? reject(error) : resolvePromise(result));
    const returned = fn(event, context, callback);
    if (returned && typeof returned.then === 'function') returned.then(resolvePromise, reject);
  });
}

// Messages travel as JSON text both ways: cheaper to pass between threads than cloned objects, and
// the event and result get the JSON round trip they get on Lambda. A message holds the invocations
// of one turn of the emulator's event loop; they run one after another, never at once, and the
// replies finished in one turn of this thread's loop go back together.
let previous = Promise.resolve();
let outbox = [];
parentPort.on('message', (text) => {
  for (const invocation of JSON.parse(text)) previous = previous.then(() => invoke(invocation));
});

function send(reply) {
  if (outbox.length === 0) {
    setImmediate(() => {
      parentPort.postMessage(`[${outbox.join(',')}]`);
      outbox = [];
    });
  }
  outbox.push(reply);
}

async function invoke({ id, event }) {
  try {
    const fn = await ready;
    const result = await call(fn, event, makeContext(id, Date.now() + timeoutMs));
    send(JSON.stringify({ id, ok: true, result: result === undefined ? null : result }));
  } catch (error) {
    send(JSON.stringify({ id, ok: false, error: errorInfo(error, 'Error') }));
  }
}

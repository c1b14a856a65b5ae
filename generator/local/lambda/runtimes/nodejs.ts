/**
 * The `nodejs*` runtimes: each execution environment is a worker thread of the emulator's own Node
 * (worker.cjs), with its own module registry, globals and memory limit, so a handler's state, crash
 * or endless loop stays in its environment as on Lambda.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packagePath } from '../../../paths';
import type { LocalFunction } from '../../types';
import { handlerFile, handlerModule, JAVASCRIPT_EXTENSIONS } from '../handler-files';
import { sdkCache } from '../sdk-cache-loader';
import { forwardLines, startupConfig } from './common';
import type { ExecutionEnvironment, LambdaRuntime, SpawnOptions } from './types';

const WORKER_FILE = packagePath('generator', 'local', 'lambda', 'worker.cjs');

export const nodejs: LambdaRuntime = {
  family: 'nodejs',

  environment: (runtime) => ({ AWS_EXECUTION_ENV: `AWS_Lambda_${runtime}` }),

  missingCode(fn) {
    if (fn.typescript || handlerFile(fn.codeDir, fn.handler, JAVASCRIPT_EXTENSIONS)) return undefined;
    const name = handlerModule(fn.handler) ?? fn.handler;
    return `no ${name}.js (or ${name}.ts to bundle) in ${fn.codeDir} for Handler ${fn.handler}`;
  },

  spawn(fn: LocalFunction, options: SpawnOptions): ExecutionEnvironment {
    const worker = new Worker(WORKER_FILE, {
      workerData: {
        ...startupConfig(fn, options),
        // A TypeScript bundle runs from a temporary folder; its source folder holds its packages.
        sourceDir: fn.typescript ? dirname(fn.typescript.entry) : undefined,
        layerModules: layerModuleDirs(fn),
        // The SDK packages installed for any function so far (sdk-provide.ts), after wskit's own.
        cacheModules: cachedSdkModules(),
      },
      env: options.environment,
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: Math.max(fn.memoryMb, 128) },
    });
    forwardLines(worker.stdout, options.onOutput);
    forwardLines(worker.stderr, options.onOutput);
    worker.on('message', options.onReplies);
    // An uncaught exception, process.exit() or running out of memory ends the environment.
    worker.on('error', (error) => options.onExit(`${error.name}: ${error.message}`));
    worker.on('exit', (code) => options.onExit(`the runtime exited with code ${code}`));
    return {
      post: (invocations) => worker.postMessage(invocations),
      terminate: async () => {
        await worker.terminate();
      },
    };
  },
};

/**
 * The `node_modules` folders of the function's layers, in the order Lambda's NODE_PATH lists them
 * under /opt: `nodejs/node22/node_modules` (the runtime's major version), then `nodejs/node_modules`;
 * for a layer SAM builds (`BuildMethod: nodejs22.x`), the folder's own `node_modules`.
 */
export function layerModuleDirs(fn: LocalFunction): string[] {
  const major = /^nodejs(\d+)/.exec(fn.runtime ?? '')?.[1];
  return (fn.layers ?? [])
    .flatMap((layer) =>
      layer.buildMethod?.startsWith('nodejs')
        ? [join(layer.dir, 'node_modules')]
        : [
            ...(major ? [join(layer.dir, 'nodejs', `node${major}`, 'node_modules')] : []),
            join(layer.dir, 'nodejs', 'node_modules'),
          ],
    )
    .filter((dir) => existsSync(dir));
}

/** The cache's node_modules folders for the SDK release wskit ships. */
function cachedSdkModules(): string[] {
  return sdkCache.cachedModuleDirs(sdkCache.sdkCacheRoot(), sdkCache.shippedSdk().release);
}

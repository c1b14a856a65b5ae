/**
 * The `nodejs*` runtimes: each execution environment is a worker thread of the emulator's own Node
 * (worker.cjs), with its own module registry, globals and memory limit, so a handler's state, crash
 * or endless loop stays in its environment as on Lambda.
 */
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packagePath } from '../../../paths';
import type { LocalFunction } from '../../types';
import { handlerFile, handlerModule, JAVASCRIPT_EXTENSIONS } from '../handler-files';
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

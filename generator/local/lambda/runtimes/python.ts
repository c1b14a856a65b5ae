/**
 * The `python3.*` runtimes: each execution environment is a `python3` process (from PATH) running
 * python/bootstrap.py in the function's code folder, as Lambda runs it in /var/task. A process per
 * environment gives the isolation Lambda gives: module state stays warm between invocations, and a
 * crash or an endless loop ends only that environment.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { packagePath } from '../../../paths';
import type { LocalFunction } from '../../types';
import { handlerFile, handlerModule } from '../handler-files';
import { forwardLines, startupConfig } from './common';
import type { ExecutionEnvironment, LambdaRuntime, SpawnOptions } from './types';

export const PYTHON_COMMAND = 'python3';

export interface LocalPython {
  /** The interpreter `python3` on PATH runs: spawning it directly skips version managers' shims. */
  readonly executable: string;
  /** `3.11.7` */
  readonly version: string;
  /** Whether it imports boto3, which every Lambda Python runtime includes. */
  readonly boto3: boolean;
}

let found: LocalPython | null | undefined;

/** The `python3` on PATH (null when there is none), asked once. */
export function localPython(): LocalPython | null {
  if (found === undefined) {
    const script = [
      'import importlib.util, sys',
      'print(sys.executable)',
      "print('%d.%d.%d' % sys.version_info[:3])",
      "print(importlib.util.find_spec('boto3') is not None)",
    ].join('; ');
    // The PATH of `process.env` as it is now (a caller may have changed it), not as it was at start.
    const run = spawnSync(PYTHON_COMMAND, ['-c', script], { encoding: 'utf8', env: process.env });
    const [executable, version, boto3] = run.status === 0 ? run.stdout.trim().split('\n') : [];
    found = executable && version ? { executable, version, boto3: boto3 === 'True' } : null;
  }
  return found;
}

/** Saves that come in a burst (an editor writing a file in steps) reload once. */
const SETTLE_MS = 50;

const BOOTSTRAP = packagePath('generator', 'local', 'lambda', 'runtimes', 'python', 'bootstrap.py');

export const python: LambdaRuntime = {
  family: 'python',

  environment: (runtime) => ({
    AWS_EXECUTION_ENV: `AWS_Lambda_${runtime}`,
    PYTHONUNBUFFERED: '1',
    // Keep __pycache__ folders out of the app's source tree.
    PYTHONDONTWRITEBYTECODE: '1',
  }),

  missingCode(fn) {
    // `app.handler` → app.py; `src/app.handler` and `src.app.handler` → src/app.py (or a package).
    const module = handlerModule(fn.handler);
    const path = module?.replaceAll('.', '/');
    if (path && handlerFile(fn.codeDir, `${path}.handler`, ['.py', '/__init__.py'])) return undefined;
    return `no ${path ?? fn.handler}.py in ${fn.codeDir} for Handler ${fn.handler}`;
  },

  spawn(fn: LocalFunction, options: SpawnOptions): ExecutionEnvironment {
    // Invocations go in on fd 3 and replies come out on fd 4: stdout and stderr stay the handler's log,
    // and stdin is empty, as on Lambda, so nothing the handler reads or runs can take an invocation.
    const child = spawn(
      localPython()?.executable ?? PYTHON_COMMAND,
      [BOOTSTRAP, JSON.stringify({ ...startupConfig(fn, options), layerPaths: layerPaths(fn) })],
      {
        cwd: fn.codeDir,
        env: options.environment,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
      },
    );
    forwardLines(child.stdout as Readable, options.onOutput);
    forwardLines(child.stderr as Readable, options.onOutput);
    const invocations = child.stdio[3] as Writable;
    forwardLines(child.stdio[4] as Readable, options.onReplies);
    invocations.on('error', () => {}); // a process that is gone is reported by 'exit'
    child.on('error', (error) => options.onExit(`${PYTHON_COMMAND} could not start: ${error.message}`));
    child.on('exit', (code, signal) =>
      options.onExit(`the runtime exited with ${signal ? `signal ${signal}` : `code ${code}`}`),
    );
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
    return {
      post: (text) => invocations.write(`${text}\n`),
      terminate: async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await exited;
      },
    };
  },

  watchSources(fn, changed) {
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(fn.codeDir, { recursive: true }, (_event, file) => {
      if (!file?.endsWith('.py')) return;
      clearTimeout(timer);
      timer = setTimeout(changed, SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  },
};

/**
 * The folders of the function's layers on sys.path, in Lambda's order under /opt:
 * `python/lib/python3.x/site-packages`, then `python`; for a layer SAM builds
 * (`BuildMethod: python3.12`), the folder itself.
 */
export function layerPaths(fn: LocalFunction): string[] {
  return (fn.layers ?? []).flatMap((layer) => {
    if (layer.buildMethod?.startsWith('python')) return [layer.dir];
    const root = join(layer.dir, 'python');
    const lib = join(root, 'lib');
    const sitePackages = existsSync(lib)
      ? readdirSync(lib)
          .filter((name) => /^python3\.\d+$/.test(name))
          .map((name) => join(lib, name, 'site-packages'))
      : [];
    return [...sitePackages, root].filter((dir) => existsSync(dir));
  });
}

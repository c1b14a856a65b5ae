/**
 * Which runtime runs a function, from its `Runtime`: nodejs* in worker threads, python3.* in
 * python3 processes. Other runtimes (java, dotnet, provided, ruby) do not run locally: the function
 * gets a reason instead, so only the routes that use it fail, and the API still starts.
 */
import type { LocalFunction } from '../../types';
import { nodejs } from './nodejs';
import { localPython, PYTHON_COMMAND, python } from './python';
import type { LambdaRuntime } from './types';

/** The runtime of a function whose template names none (test templates written as data often omit it). */
export const DEFAULT_RUNTIME = 'nodejs22.x';

export type RuntimeChoice =
  | { readonly ok: true; readonly runtime: LambdaRuntime; readonly name: string }
  | { readonly ok: false; readonly reason: string };

export function runtimeOf(fn: Pick<LocalFunction, 'runtime'>): RuntimeChoice {
  const name = fn.runtime ?? DEFAULT_RUNTIME;
  if (name.startsWith('nodejs')) return { ok: true, runtime: nodejs, name };
  if (name.startsWith('python3')) {
    return localPython()
      ? { ok: true, runtime: python, name }
      : { ok: false, reason: `${name} runs in a local ${PYTHON_COMMAND}, and there is none on PATH` };
  }
  return {
    ok: false,
    reason: `${name} does not run in wskit local (it runs nodejs* and python3.* functions)`,
  };
}

/** Why a runnable function's handler cannot be found; undefined when it can, or cannot run anyway. */
export function missingCode(fn: LocalFunction): string | undefined {
  const choice = runtimeOf(fn);
  return choice.ok ? choice.runtime.missingCode(fn) : undefined;
}

/** For the banner: which Python runs the python3.* functions, when the app has any. */
export function pythonLine(functions: Iterable<LocalFunction>): string | undefined {
  const names = [...functions]
    .filter((fn) => fn.runtime?.startsWith('python3'))
    .map((fn) => `${fn.id} (${fn.runtime})`);
  const local = names.length > 0 ? localPython() : null;
  return local ? `${names.join(', ')} on Python ${local.version} (${local.executable})` : undefined;
}

/**
 * For the banner, once: the local Python lacks boto3, which the Lambda Python runtimes include, so
 * handlers importing it fail until it is installed (the install command names that interpreter).
 */
export function boto3Line(functions: Iterable<LocalFunction>): string | undefined {
  const hasPython = [...functions].some((fn) => fn.runtime?.startsWith('python3'));
  const local = hasPython ? localPython() : null;
  if (!local || local.boto3) return undefined;
  return `boto3 is not installed for ${local.executable} (Lambda's Python runtimes include it): handlers importing it fail; ${local.executable} -m pip install boto3`;
}

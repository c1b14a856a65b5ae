/**
 * Per-run overrides for the ASL interpreter, worked out once per definition: Wait states scaled by
 * `--wait-scale`, and Task states that call a Lambda function of the template run it locally.
 */
import type { Json } from '../../template/types';

type States = Record<string, Record<string, Json>>;

/** Every state of a definition, including those inside Map iterators and Parallel branches. */
export function allStates(definition: Json): [string, Record<string, Json>][] {
  const found: [string, Record<string, Json>][] = [];
  const visit = (machine: Json | undefined) => {
    const states = (machine as { States?: States } | undefined)?.States;
    for (const [name, state] of Object.entries(states ?? {})) {
      found.push([name, state]);
      visit(state.Iterator ?? state.ItemProcessor);
      for (const branch of (state.Branches as Json[] | undefined) ?? []) visit(branch);
    }
  };
  visit(definition);
  return found;
}

/** Wait durations in milliseconds, scaled; `undefined` means "as the definition says" (scale 1). */
export function waitOverrides(definition: Json, waitScale: number): Record<string, number> | undefined {
  if (waitScale === 1) return undefined;
  const overrides: Record<string, number> = {};
  for (const [name, state] of allStates(definition)) {
    if (state.Type !== 'Wait') continue;
    if (waitScale === 0) overrides[name] = 0;
    else if (typeof state.Seconds === 'number') overrides[name] = state.Seconds * 1000 * waitScale;
  }
  return overrides;
}

/** Task states whose Resource is a Lambda function ARN (or `states:::lambda:invoke`), by state name. */
export function lambdaTaskStates(
  definition: Json,
): { state: string; functionRef: string; invokeApi: boolean }[] {
  const tasks: { state: string; functionRef: string; invokeApi: boolean }[] = [];
  for (const [name, state] of allStates(definition)) {
    if (state.Type !== 'Task' || typeof state.Resource !== 'string') continue;
    if (/^arn:aws[\w-]*:lambda:[^:]*:\d*:function:/.test(state.Resource)) {
      tasks.push({ state: name, functionRef: state.Resource, invokeApi: false });
    } else if (/^arn:aws[\w-]*:states:::lambda:invoke$/.test(state.Resource)) {
      const parameters = state.Parameters as Record<string, Json> | undefined;
      tasks.push({ state: name, functionRef: String(parameters?.FunctionName ?? ''), invokeApi: true });
    }
  }
  return tasks;
}

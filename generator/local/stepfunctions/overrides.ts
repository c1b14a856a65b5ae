/**
 * Per-run overrides for the ASL interpreter, worked out once per definition: Wait states scaled by
 * `--wait-scale` (Task states are routed to the local services in `tasks.ts`).
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

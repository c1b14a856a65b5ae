/**
 * Quick structural checks of Amazon States Language definitions (the rules a deploy rejects
 * first: StartAt, state types, transitions, terminal states, Wait durations, Choice rules, nested
 * branches), and the total time a definition's Wait states add up to. Definitions written inline in
 * a template may hold intrinsic functions (`Resource: !GetAtt Fn.Arn`): CloudFormation resolves
 * them to strings before Step Functions sees the definition, so they count as present.
 */
import { isIntrinsic, isObject, type Obj } from './values';

const TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];
const NEEDS_TRANSITION = ['Task', 'Pass', 'Wait', 'Parallel', 'Map'];
const WAIT_FIELDS = ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'];

/** Problems found, each naming the state; empty when the definition looks valid. */
export function aslProblems(definition: unknown, where = ''): string[] {
  if (!isObject(definition)) return [`${where || 'definition'} must be an object`];
  const problems: string[] = [];
  const states = definition.States;
  if (!isObject(states) || Object.keys(states).length === 0)
    return [`${where}States must be a non-empty object`];
  if (typeof definition.StartAt !== 'string') problems.push(`${where}StartAt is missing`);
  else if (!(definition.StartAt in states))
    problems.push(`${where}StartAt names "${definition.StartAt}", which is not a state`);
  let terminal = false;
  for (const [name, state] of Object.entries(states)) {
    const at = `${where}state "${name}"`;
    if (isIntrinsic(state)) {
      terminal = true; // resolved at deploy time: it may well be the state that ends the execution
      continue;
    }
    if (!isObject(state)) {
      problems.push(`${at} must be an object`);
      continue;
    }
    const type = state.Type;
    if (typeof type !== 'string' || !TYPES.includes(type)) {
      problems.push(`${at} has Type ${JSON.stringify(type)}; expected one of ${TYPES.join(', ')}`);
      continue;
    }
    const target = (next: unknown, field: string) => {
      if (typeof next !== 'string' || !(next in states))
        problems.push(`${at}: ${field} names ${JSON.stringify(next)}, which is not a state`);
    };
    if (state.Next !== undefined) target(state.Next, 'Next');
    if (NEEDS_TRANSITION.includes(type) && (state.Next === undefined) === (state.End !== true)) {
      problems.push(`${at} needs exactly one of Next or "End": true`);
    }
    if (state.End === true || type === 'Succeed' || type === 'Fail') terminal = true;
    const catchers = Array.isArray(state.Catch) ? state.Catch : [];
    for (const [i, c] of catchers.entries()) target(isObject(c) ? c.Next : undefined, `Catch[${i}].Next`);
    problems.push(...stateProblems(type, state, at, target));
  }
  if (!terminal) problems.push(`${where}no state ends the execution (no "End": true, Succeed or Fail state)`);
  return problems;
}

function stateProblems(
  type: string,
  state: Obj,
  at: string,
  target: (next: unknown, field: string) => void,
): string[] {
  const problems: string[] = [];
  if (type === 'Wait' && WAIT_FIELDS.filter((f) => state[f] !== undefined).length !== 1) {
    problems.push(`${at} needs exactly one of ${WAIT_FIELDS.join(', ')}`);
  }
  if (type === 'Task' && typeof state.Resource !== 'string' && !isIntrinsic(state.Resource))
    problems.push(`${at} needs a Resource`);
  if (type === 'Choice') {
    if (!Array.isArray(state.Choices) || state.Choices.length === 0)
      problems.push(`${at} needs a non-empty Choices list`);
    else
      for (const [i, c] of state.Choices.entries())
        target(isObject(c) ? c.Next : undefined, `Choices[${i}].Next`);
    if (state.Default !== undefined) target(state.Default, 'Default');
  }
  if (type === 'Parallel') {
    if (!Array.isArray(state.Branches) || state.Branches.length === 0)
      problems.push(`${at} needs a non-empty Branches list`);
    else
      for (const [i, b] of state.Branches.entries())
        problems.push(...aslProblems(b, `${at} Branches[${i}]: `));
  }
  if (type === 'Map') {
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor === undefined) problems.push(`${at} needs an ItemProcessor`);
    else problems.push(...aslProblems(processor, `${at} ItemProcessor: `));
  }
  return problems;
}

/** Seconds of every Wait state with a fixed `Seconds`, nested branches included. */
export function totalWaitSeconds(definition: unknown): number {
  if (!isObject(definition) || !isObject(definition.States)) return 0;
  let total = 0;
  for (const state of Object.values(definition.States)) {
    if (!isObject(state)) continue;
    if (state.Type === 'Wait' && typeof state.Seconds === 'number') total += state.Seconds;
    if (Array.isArray(state.Branches)) total += Math.max(0, ...state.Branches.map(totalWaitSeconds));
    total += totalWaitSeconds(state.ItemProcessor ?? state.Iterator);
  }
  return total;
}

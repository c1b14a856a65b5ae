/** Small helpers over template values: intrinsic detection and the references a value makes. */
import { substituteSubVariables } from '../template/intrinsics';

export type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `Ref`, `Condition` or `Fn::*` when the value is a one-key intrinsic object, else undefined. */
export function intrinsicName(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const [key] = keys;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

export const isIntrinsic = (v: unknown) => intrinsicName(v) !== undefined;

/** `${Name}` and `${Res.Attr}` variables of a Fn::Sub string; `${!Literal}` is not a variable. */
export function subVariables(text: string): string[] {
  const out: string[] = [];
  substituteSubVariables(text, (name) => {
    out.push(name.trim());
    return '';
  });
  return out;
}

/** Splits `Fn::Sub`'s value into its text and its variable map. */
export function subParts(value: unknown): { text?: string; vars: Obj } {
  if (typeof value === 'string') return { text: value, vars: {} };
  if (Array.isArray(value)) {
    return {
      text: typeof value[0] === 'string' ? value[0] : undefined,
      vars: isObject(value[1]) ? value[1] : {},
    };
  }
  return { vars: {} };
}

export interface Reference {
  readonly kind: 'Ref' | 'GetAtt' | 'Sub';
  /** Logical id, parameter or pseudo parameter. */
  readonly target: string;
  readonly attribute?: string;
  readonly path: readonly (string | number)[];
}

/** Every Ref, Fn::GetAtt and Fn::Sub variable inside a value, with where it sits. */
export function referencesIn(value: unknown, path: readonly (string | number)[] = []): Reference[] {
  const out: Reference[] = [];
  const visit = (v: unknown, p: readonly (string | number)[]) => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        visit(item, [...p, i]);
      });
      return;
    }
    if (!isObject(v)) return;
    const name = intrinsicName(v);
    if (name === 'Ref' && typeof v.Ref === 'string')
      out.push({ kind: 'Ref', target: v.Ref, path: [...p, 'Ref'] });
    else if (name === 'Fn::GetAtt') {
      const g = getAttParts(v['Fn::GetAtt']);
      if (g)
        out.push({ kind: 'GetAtt', target: g.target, attribute: g.attribute, path: [...p, 'Fn::GetAtt'] });
    } else if (name === 'Fn::Sub') {
      const { text, vars } = subParts(v['Fn::Sub']);
      for (const variable of text === undefined ? [] : subVariables(text)) {
        if (variable in vars) continue;
        const dot = variable.indexOf('.');
        const target = dot < 0 ? variable : variable.slice(0, dot);
        out.push({
          kind: 'Sub',
          target,
          attribute: dot < 0 ? undefined : variable.slice(dot + 1),
          path: [...p, 'Fn::Sub'],
        });
      }
      if (Array.isArray(v['Fn::Sub'])) visit(v['Fn::Sub'][1], [...p, 'Fn::Sub', 1]);
      return;
    }
    for (const [k, child] of Object.entries(v)) visit(child, [...p, k]);
  };
  visit(value, path);
  return out;
}

export function getAttParts(value: unknown): { target: string; attribute?: string } | undefined {
  if (typeof value === 'string') {
    const dot = value.indexOf('.');
    return dot < 0 ? { target: value } : { target: value.slice(0, dot), attribute: value.slice(dot + 1) };
  }
  if (Array.isArray(value) && typeof value[0] === 'string') {
    return { target: value[0], attribute: typeof value[1] === 'string' ? value[1] : undefined };
  }
  return undefined;
}

/** Edit distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j];
      row[j] = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
      );
      prev = next;
    }
  }
  return row[b.length];
}

/** The closest candidate within a few edits, if any. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    // On a tie, prefer a candidate that extends what was typed (`nodejs22` → `nodejs22.x`).
    const d = editDistance(name, candidate) - (candidate.startsWith(name) ? 0.5 : 0);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** The closest candidate within a few edits, for ` (did you mean "X"?)`. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const best = closestName(name, candidates);
  return best ? ` (did you mean ${JSON.stringify(best)}?)` : '';
}

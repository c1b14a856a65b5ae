/**
 * Content filtering as EventBridge event patterns and SNS filter policies share it (no npm package
 * implements it and is kept up), so rules and subscriptions select what they would on AWS:
 * - an object pattern matches an object whose every named field matches (fields not named are
 *   ignored); a nested object pattern matches the nested object; `$or` takes a list of patterns,
 *   any of which may match;
 * - a list of conditions matches a field when any condition matches the value, or, when the value
 *   is a list, any of its elements;
 * - conditions: a literal (string, number compared as a number, null); `prefix` and `suffix`
 *   (each also as `{ "equals-ignore-case": ... }`); `equals-ignore-case`; `wildcard` (`*` any
 *   run of characters, `\*` a star); `numeric` (`["<", 0, ">=", 5]`, `["=", 1]`) on numbers;
 *   `exists` (true: the field is there, false: it is not); `cidr` (IPv4); `anything-but` with a
 *   literal, a list, or a `prefix`, `suffix`, `equals-ignore-case` or `wildcard` condition;
 * - a field that is not there matches only `exists: false`.
 * Patterns are assumed valid (EventBridge and SNS refuse invalid ones when the stack deploys).
 */
import type { Json } from '../../template/types';

type Condition = Json;

export function matchesPattern(pattern: Json, event: unknown): boolean {
  if (!isObject(pattern)) return false;
  for (const [key, expected] of Object.entries(pattern)) {
    if (key === '$or') {
      if (!Array.isArray(expected) || !expected.some((alternative) => matchesPattern(alternative, event)))
        return false;
      continue;
    }
    const value = isObject(event) ? (event as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(expected)) {
      if (!matchesConditions(expected, value)) return false;
    } else if (isObject(expected)) {
      if (value === undefined || !matchesPattern(expected, value)) return false;
    } else if (!matchesConditions([expected], value)) {
      return false;
    }
  }
  return true;
}

/** A field against its list of conditions. */
export function matchesConditions(conditions: readonly Condition[], value: unknown): boolean {
  if (value === undefined) return conditions.some((c) => isObject(c) && c.exists === false);
  const values = Array.isArray(value) ? value : [value];
  return conditions.some((condition) => values.some((item) => matchesCondition(condition, item)));
}

function matchesCondition(condition: Condition, value: unknown): boolean {
  if (!isObject(condition)) return equalsLiteral(condition, value);
  const [operator, argument] = Object.entries(condition)[0] ?? [];
  switch (operator) {
    case 'exists':
      return argument === true;
    case 'prefix':
      return affix(argument, value, (text, part) => text.startsWith(part));
    case 'suffix':
      return affix(argument, value, (text, part) => text.endsWith(part));
    case 'equals-ignore-case':
      return (
        typeof value === 'string' &&
        listOf(argument).some((a) => String(a).toLowerCase() === value.toLowerCase())
      );
    case 'wildcard':
      return typeof value === 'string' && listOf(argument).some((a) => wildcard(String(a)).test(value));
    case 'numeric':
      return typeof value === 'number' && numeric(argument as Json[], value);
    case 'cidr':
      return typeof value === 'string' && inCidr(String(argument), value);
    case 'anything-but':
      return anythingBut(argument as Json, value);
    default:
      return false;
  }
}

function anythingBut(argument: Json, value: unknown): boolean {
  if (isObject(argument)) return !matchesCondition(argument, value);
  return !listOf(argument).some((excluded) => equalsLiteral(excluded, value));
}

function equalsLiteral(literal: Json, value: unknown): boolean {
  if (typeof literal === 'number') return typeof value === 'number' && value === literal;
  return literal === value;
}

/** `prefix`/`suffix` with a string, or with `{ "equals-ignore-case": string }`. */
function affix(argument: Json | undefined, value: unknown, test: (text: string, part: string) => boolean) {
  if (typeof value !== 'string') return false;
  if (isObject(argument)) {
    const part = argument['equals-ignore-case'];
    return typeof part === 'string' && test(value.toLowerCase(), part.toLowerCase());
  }
  return typeof argument === 'string' && test(value, argument);
}

const COMPARE: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function numeric(comparisons: Json[], value: number): boolean {
  for (let i = 0; i < comparisons.length; i += 2) {
    const compare = COMPARE[String(comparisons[i])];
    if (!compare?.(value, Number(comparisons[i + 1]))) return false;
  }
  return true;
}

const wildcards = new Map<string, RegExp>();

function wildcard(pattern: string): RegExp {
  let regex = wildcards.get(pattern);
  if (!regex) {
    const source = pattern
      .split(/(\\\*|\*)/)
      .map((part) =>
        part === '*' ? '.*' : part === '\\*' ? '\\*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    regex = new RegExp(`^${source}$`, 's');
    wildcards.set(pattern, regex);
  }
  return regex;
}

function inCidr(cidr: string, address: string): boolean {
  const [base, bits] = cidr.split('/');
  const a = ipv4(address);
  const b = ipv4(base ?? '');
  if (a === undefined || b === undefined) return false;
  const size = Number(bits ?? 32);
  const mask = size === 0 ? 0 : (~0 << (32 - size)) >>> 0;
  return (a & mask) >>> 0 === (b & mask) >>> 0;
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return parts.reduce((sum, part) => sum * 256 + part, 0);
}

const listOf = (value: Json | undefined): Json[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

const isObject = (value: unknown): value is Record<string, Json> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

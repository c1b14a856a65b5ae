/** Small validators that throw a ModelError naming the item, the value received and what is allowed. */
import { ModelError, oneOf, show } from '../errors';

export function checkOneOf<T extends string>(path: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new ModelError(
      'E_MODEL_VALUE',
      `${path}: ${show(value)} is not allowed; use ${oneOf(allowed)}`,
      path,
    );
  }
  return value as T;
}

export function checkPattern(path: string, value: unknown, pattern: RegExp, allowed: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new ModelError(
      'E_MODEL_VALUE',
      `${path}: ${show(value)} is not allowed; expected ${allowed}`,
      path,
    );
  }
  return value;
}

export function checkRange(path: string, value: unknown, min: number, max: number, unit: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ModelError(
      'E_MODEL_RANGE',
      `${path}: ${show(value)} is out of range; expected a whole number of ${unit} from ${min} to ${max}`,
      path,
    );
  }
  return value;
}

/** Logical id stems: letters and digits, starting with a letter, short enough for suffixes. */
export function checkId(path: string, value: unknown): string {
  return checkPattern(
    path,
    value,
    /^[A-Za-z][A-Za-z0-9]{0,63}$/,
    'letters and digits, starting with a letter, at most 64',
  );
}

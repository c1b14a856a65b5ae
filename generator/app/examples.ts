/**
 * The committed example apps in patterns/<name>/ are exactly what `wskit generate <name>` writes.
 * `npm run examples` rewrites them; a test compares them with a fresh generation.
 */
import { PATTERNS } from '../../patterns/index';
import type { Pattern } from '../pattern';
import type { GenerateRequest } from './generate';

/** Files in a pattern folder that are not part of the generated app. */
export const PATTERN_SOURCE_FILES = ['pattern.ts'];

export function exampleRequest(pattern: Pattern, out: string): GenerateRequest {
  const options = Object.fromEntries(pattern.options.map((option) => [option.name, option.default]));
  return {
    source: { kind: 'pattern', pattern, options },
    out,
    name: pattern.name,
    force: true,
    commandLine: `wskit generate ${pattern.name} --out ${pattern.name}`,
  };
}

export const examplePatterns = (): readonly Pattern[] => Object.values(PATTERNS);

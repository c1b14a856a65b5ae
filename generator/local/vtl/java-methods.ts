/**
 * Java String methods that API Gateway's VTL engine offers and JavaScript strings lack or spell
 * differently: replaceAll/replaceFirst/matches/split take Java regular expressions, length() is a method.
 */

interface MethodCall {
  readonly property: string;
  readonly params: unknown[];
  readonly context: unknown;
}

export interface MethodHandler {
  readonly uid: string;
  readonly match: (call: MethodCall) => boolean;
  readonly resolve: (call: MethodCall) => unknown;
}

const compiled = new Map<string, RegExp>();

/** A Java regular expression as a JavaScript RegExp (cached: templates use the same few on every render). */
export function javaRegex(pattern: string, global: boolean): RegExp {
  const key = `${global ? 'g' : '-'}${pattern}`;
  let regex = compiled.get(key);
  if (!regex) {
    regex = convertRegex(pattern, global);
    if (compiled.size < 1000) compiled.set(key, regex);
  }
  regex.lastIndex = 0;
  return regex;
}

/** Leading inline flags such as `(?i)` become flags; possessive quantifiers become greedy ones. */
function convertRegex(pattern: string, global: boolean): RegExp {
  let source = pattern;
  let flags = global ? 'g' : '';
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const flag of inline[1] as string) if ('ims'.includes(flag)) flags += flag;
  }
  // Possessive quantifiers have no JavaScript form; the greedy form matches the same strings here.
  source = source.replace(/([*+?}])\+/g, '$1');
  return new RegExp(source, flags);
}

/** A Java replacement string (`$1`, `\$` for a dollar) as a JavaScript one (`$1`, `$$`). */
export function javaReplacement(replacement: string): string {
  return replacement.replace(/\\(.)|\$\{(\w+)\}|\$(\d)|\$/g, (_whole, escaped, named, group) => {
    if (escaped !== undefined) return escaped === '$' ? '$$' : escaped;
    if (named !== undefined) return `$<${named}>`;
    if (group !== undefined) return `$${group}`;
    return '$$';
  });
}

const text = (value: unknown) => (value === null || value === undefined ? 'null' : String(value));

type StringMethod = (self: string, ...args: unknown[]) => unknown;

const STRING_METHODS: Record<string, StringMethod> = {
  replaceAll: (self, regex, replacement) =>
    self.replace(javaRegex(text(regex), true), javaReplacement(text(replacement))),
  replaceFirst: (self, regex, replacement) =>
    self.replace(javaRegex(text(regex), false), javaReplacement(text(replacement))),
  replace: (self, target, replacement) => self.split(text(target)).join(text(replacement)),
  matches: (self, regex) => new RegExp(`^(?:${javaRegex(text(regex), false).source})$`).test(self),
  split: (self, regex) => self.split(javaRegex(text(regex), false)),
  length: (self) => self.length,
  isEmpty: (self) => self.length === 0,
  contains: (self, part) => self.includes(text(part)),
  equals: (self, other) => self === other,
  equalsIgnoreCase: (self, other) => typeof other === 'string' && self.toLowerCase() === other.toLowerCase(),
  charAt: (self, index) => self.charAt(Number(index)),
  concat: (self, other) => self + text(other),
  toString: (self: string) => self,
  compareTo: (self, other) => (self < text(other) ? -1 : self > text(other) ? 1 : 0),
};

/** velocityjs `customMethodHandlers`: consulted before the value's own JavaScript methods. */
export const javaStringHandlers: MethodHandler[] = [
  {
    uid: 'java-string',
    match: ({ property, context }) => typeof context === 'string' && Object.hasOwn(STRING_METHODS, property),
    resolve: ({ property, params, context }) =>
      (STRING_METHODS[property] as StringMethod)(context as string, ...params),
  },
  {
    uid: 'java-is-empty',
    // Java lists and maps: size() and isEmpty() (velocityjs knows size() already for objects).
    match: ({ property, context }) =>
      property === 'isEmpty' && typeof context === 'object' && context !== null,
    resolve: ({ context }) => Object.keys(context as object).length === 0,
  },
];

/**
 * `Key=Value` lists as `sam deploy` accepts them, for parameter overrides and tags: a string of
 * space-separated pairs with optional quotes (`A="x y" B=z`), a list of such strings, or the long
 * form `ParameterKey=A,ParameterValue=x`.
 */
import { DeployError } from './errors';

export type KeyValues = Record<string, string>;

/** Parses pairs from flags (one pair per item) or samconfig.toml (a string or a list of strings). */
export function parseKeyValues(input: string | readonly string[] | undefined, what: string): KeyValues {
  const result: KeyValues = {};
  const items = input === undefined ? [] : typeof input === 'string' ? [input] : input;
  for (const item of items) {
    // `A=1 B=2` holds several pairs; `Name=my app` is one pair whose value has a space.
    const tokens = /\s+[^\s=]+=/.test(item) ? splitWords(item, what) : [unquoteValue(item.trim())];
    for (const token of tokens) {
      const [key, value] = splitPair(token, what);
      result[key] = value;
    }
  }
  return result;
}

function splitPair(token: string, what: string): [string, string] {
  const long = /^ParameterKey=([^,]+),ParameterValue=(.*)$/.exec(token);
  if (long) return [long[1], long[2]];
  const eq = token.indexOf('=');
  if (eq <= 0) {
    throw new DeployError('E_DEPLOY_KEY_VALUE', `${what}: expected Key=Value, got ${JSON.stringify(token)}`);
  }
  return [token.slice(0, eq), token.slice(eq + 1)];
}

function unquoteValue(token: string): string {
  return token.replace(/^([^=]*=)(["'])(.*)\2$/, '$1$3');
}

/** Splits on unquoted whitespace; double or single quotes group and are removed. */
function splitWords(text: string, what: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | undefined;
  let inWord = false;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote)
    throw new DeployError('E_DEPLOY_KEY_VALUE', `${what}: unclosed quote in ${JSON.stringify(text)}`);
  if (inWord) words.push(current);
  return words;
}

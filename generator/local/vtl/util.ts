/** API Gateway's `$util` for mapping templates, with the Java behaviour it documents. */

/**
 * Java's StringEscapeUtils.escapeJavaScript (commons-lang 2), which API Gateway uses: quotes,
 * backslash and slash get a backslash; control and non-ASCII characters become \uXXXX.
 */
export function escapeJavaScript(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  // Code unit by code unit, as Java does: a surrogate pair becomes two \uXXXX escapes.
  return String(value).replace(NEEDS_ESCAPE, (char) => escapeUnit(char.charCodeAt(0)));
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: Java escapes control characters
const NEEDS_ESCAPE = /[\u0000-\u001f'"\\/\u0080-\uffff]/g;
const SHORT_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };

function escapeUnit(code: number): string {
  const short = SHORT_ESCAPES[code];
  if (short) return short;
  if (code > 0x7f || code < 32) return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `\\${String.fromCharCode(code)}`;
}

/** Java's URLEncoder: like encodeURIComponent, but space is `+` and only `*-._` stay as they are. */
export function urlEncode(value: unknown): string {
  return encodeURIComponent(String(value ?? ''))
    .replace(/[!'()~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

export function urlDecode(value: unknown): string {
  return decodeURIComponent(String(value ?? '').replace(/\+/g, ' '));
}

export function makeUtil() {
  return {
    escapeJavaScript,
    parseJson: (text: unknown) => JSON.parse(String(text)),
    urlEncode,
    urlDecode,
    base64Encode: (value: unknown) => Buffer.from(String(value ?? '')).toString('base64'),
    base64Decode: (value: unknown) => Buffer.from(String(value ?? ''), 'base64').toString('utf8'),
  };
}

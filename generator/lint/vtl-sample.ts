/**
 * Renders API Gateway WebSocket mapping templates for lint: the `$input`, `$util` and `$context`
 * objects API Gateway provides, for one sample message, and the Java string methods VTL templates
 * call that JavaScript strings lack or treat differently (replaceAll takes a Java regex).
 */
import type * as Velocity from 'velocityjs';
import { urlDecode, urlEncode } from '../local/vtl/util';

/** A message any template that handles JSON at all renders correctly. */
export const PLAIN_MESSAGE = JSON.stringify({ action: 'sendmessage', data: 'hello world' });

/** A message with the characters that break naive templates: quotes, an apostrophe, a backslash. */
export const SAMPLE_MESSAGE = JSON.stringify({ action: 'sendmessage', data: 'it\'s a "quoted" \\ message' });

const velocity = (): typeof Velocity => require('velocityjs');

/** Throws with velocityjs's message when the template does not parse. */
export function parseVtl(template: string): ReturnType<typeof Velocity.parse> {
  return velocity().parse(template);
}

export function renderVtl(template: string, body = SAMPLE_MESSAGE): string {
  const { Compile } = velocity();
  const compiled = new Compile(parseVtl(template), {
    escape: false,
    customMethodHandlers: JAVA_STRING_METHODS,
  });
  // API Gateway renders a reference with no value (a path the message lacks) as nothing.
  const silent = true;
  return compiled.render(
    { input: inputOf(body), util: UTIL, context: SAMPLE_CONTEXT, stageVariables: {} },
    undefined,
    silent,
  );
}

function jsonPath(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean)) {
    current =
      current !== null && typeof current === 'object'
        ? (current as Record<string, unknown>)[part]
        : undefined;
  }
  return current;
}

function inputOf(body: string) {
  const parsed = (() => {
    try {
      return JSON.parse(body);
    } catch {
      return undefined;
    }
  })();
  return {
    body,
    json: (path: string) => JSON.stringify(jsonPath(parsed, path) ?? null),
    path: (path: string) => jsonPath(parsed, path),
  };
}

/** Like Java's StringEscapeUtils.escapeJavaScript, which API Gateway uses: it escapes `'` too. */
function escapeJavaScript(text: unknown): string {
  return String(text).replace(/[\\"'\n\r\t\b\f/]/g, (c) => {
    const named: Record<string, string> = { '\n': 'n', '\r': 'r', '\t': 't', '\b': 'b', '\f': 'f' };
    return `\\${named[c] ?? c}`;
  });
}

const UTIL = {
  escapeJavaScript,
  parseJson: (text: string) => JSON.parse(text),
  urlEncode,
  urlDecode,
  base64Encode: (text: string) => Buffer.from(String(text)).toString('base64'),
  base64Decode: (text: string) => Buffer.from(String(text), 'base64').toString('utf8'),
};

const SAMPLE_CONTEXT = {
  connectionId: 'L0SM9cOFvHcCIhw=',
  connectedAt: 1700000000000,
  domainName: 'abc123.execute-api.example.test',
  eventType: 'MESSAGE',
  messageId: 'L0SM9dOFvHcAbcd=',
  routeKey: 'sendmessage',
  requestId: 'L0SM9FMOvHcF0Fw=',
  extendedRequestId: 'L0SM9FMOvHcF0Fw=',
  apiId: 'abc123',
  stage: 'prod',
  requestTime: '21/Nov/2026:12:00:00 +0000',
  requestTimeEpoch: 1700000000000,
  status: 200,
  identity: { sourceIp: '192.0.2.1', userAgent: 'wskit-lint' },
  authorizer: {},
  error: {},
};

interface MethodCall {
  property: string;
  context: unknown;
  params: unknown[];
}
interface Handler {
  uid: string;
  match: (call: MethodCall) => boolean;
  resolve: (call: MethodCall) => unknown;
}
const stringMethod = (property: string, resolve: (text: string, params: unknown[]) => unknown): Handler => ({
  uid: `java-${property}`,
  match: (p) => p.property === property && typeof p.context === 'string',
  resolve: (p) => resolve(p.context as string, p.params),
});

/** Java regex → JavaScript: the common syntax is the same; replacement `\$` is JavaScript's `$$`. */
const JAVA_STRING_METHODS: Handler[] = [
  stringMethod('replaceAll', (text, [pattern, replacement]) =>
    text.replace(new RegExp(String(pattern), 'g'), String(replacement).replace(/\\\$/g, '$$$$')),
  ),
  stringMethod('length', (text) => text.length),
  stringMethod('isEmpty', (text) => text.length === 0),
  stringMethod('contains', (text, [part]) => text.includes(String(part))),
  stringMethod('matches', (text, [pattern]) => new RegExp(`^(?:${String(pattern)})$`).test(text)),
  stringMethod('equals', (text, [other]) => text === other),
  stringMethod('equalsIgnoreCase', (text, [other]) => text.toLowerCase() === String(other).toLowerCase()),
];

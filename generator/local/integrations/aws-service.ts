/**
 * How API Gateway reaches an AWS service from an `AWS` integration, as far as the service can tell:
 * - `IntegrationUri` `arn:<partition>:apigateway:<region>:<service>:action/<Action>` names the
 *   action; `...:<service>:path/<path>` leaves it to the request (a form field `Action=...` or an
 *   `X-Amz-Target` header) and hands the service the path (SQS reads its queue from it);
 * - `RequestParameters` `integration.request.header.<Name>` set headers from a `'literal'`,
 *   `route.request.header|querystring.<name>`, `route.request.body.<path>`, `context.<var>` or
 *   `stageVariables.<var>`;
 * - the rendered request is read as the service reads its protocols: the query protocol's form body
 *   (`Action=SendMessage&MessageBody=...`, with `Entry.1.Id` lists) or JSON; a form-encoded request
 *   is answered in the query protocol's shape (`SendMessageResponse.SendMessageResult...`).
 */
import type { Json } from '../../template/types';
import { jsonPath } from '../vtl/json-path';

export interface AwsServiceUri {
  /** `sqs`, `dynamodb`, `states`, `events`, `sns`... */
  readonly service: string;
  /** `dynamodb:PutItem`, from an `action/` URI. */
  readonly action?: string;
  /** What follows `path/` in a `path/` URI (`123456789012/MyQueue`). */
  readonly path?: string;
}

const URI = /^arn:aws[\w-]*:apigateway:[^:]*:([\w.-]+):(action|path)\/(.*)$/;

/** The service and action (or path) an integration URI names; undefined when it is not of that shape. */
export function parseAwsServiceUri(uri: string): AwsServiceUri | undefined {
  const match = URI.exec(uri);
  if (!match) return undefined;
  const [, subdomain, form, rest] = match as unknown as [string, string, string, string];
  // `<subdomain>.<service>` is also allowed (`firehose`, `runtime.sagemaker`): the service is last.
  const service = subdomain.split('.').at(-1) as string;
  if (form === 'action') return { service, action: `${service}:${rest.split('&')[0]}` };
  return { service, path: rest };
}

export interface ParameterSources {
  readonly header?: Readonly<Record<string, string>>;
  readonly querystring?: Readonly<Record<string, string>>;
  readonly body: string;
  readonly context: Readonly<Record<string, unknown>>;
  readonly stageVariables?: Readonly<Record<string, string>>;
}

/** The integration request headers `RequestParameters` set (lower-case names). */
export function integrationHeaders(
  parameters: Readonly<Record<string, string>> | undefined,
  sources: ParameterSources,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [target, source] of Object.entries(parameters ?? {})) {
    const name = /^integration\.request\.header\.(.+)$/.exec(target)?.[1];
    if (!name) continue;
    const value = parameterValue(source, sources);
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return headers;
}

function parameterValue(source: string, sources: ParameterSources): string | undefined {
  const literal = /^'(.*)'$/s.exec(source);
  if (literal) return literal[1];
  const [, where, name] =
    /^(route\.request\.header|route\.request\.querystring|route\.request\.body|context|stageVariables)\.(.+)$/.exec(
      source,
    ) ?? [undefined, undefined, undefined];
  if (!where || !name) return undefined;
  const lookup = (record: Readonly<Record<string, unknown>> | undefined) => {
    const value = record?.[name] ?? record?.[name.toLowerCase()];
    return value === undefined ? undefined : String(value);
  };
  switch (where) {
    case 'route.request.header':
      return lookup(sources.header);
    case 'route.request.querystring':
      return lookup(sources.querystring);
    case 'context':
      return lookup(sources.context);
    case 'stageVariables':
      return lookup(sources.stageVariables);
    default: {
      let parsed: unknown;
      try {
        parsed = JSON.parse(sources.body);
      } catch {
        return undefined;
      }
      const value = jsonPath(parsed, name.startsWith('$') ? name : `$.${name}`);
      return value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
}

export type DecodedRequest =
  | {
      readonly ok: true;
      readonly input: Record<string, unknown>;
      readonly action?: string;
      /** True for a form body: the service answers in the query protocol's shape. */
      readonly query: boolean;
    }
  | { readonly ok: false; readonly message: string };

/**
 * The rendered request as the service decodes it: a form body (by its Content-Type, or when it is
 * not JSON) gives its fields, `Action` apart; a JSON body is the input. `X-Amz-Target`
 * (`AWSEvents.PutEvents`) names the action as the JSON protocol does.
 */
export function decodeServiceRequest(
  body: string,
  headers: Readonly<Record<string, string>>,
): DecodedRequest {
  const contentType = headers['content-type'] ?? '';
  const target = headers['x-amz-target']?.split('.').at(-1);
  if (!contentType.includes('x-www-form-urlencoded')) {
    try {
      const input = body.trim() === '' ? {} : JSON.parse(body);
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        return { ok: false, message: 'Start of structure or map found where not expected.' };
      }
      return { ok: true, input, query: false, ...(target ? { action: target } : {}) };
    } catch (error) {
      if (contentType.includes('json') || !/^\s*[\w.]+=/.test(body)) {
        return { ok: false, message: (error as Error).message };
      }
    }
  }
  const { Action, Version: _, ...input } = decodeForm(body);
  const action = typeof Action === 'string' ? Action : target;
  return { ok: true, input, query: true, ...(action ? { action } : {}) };
}

/**
 * A query-protocol form body as structured input: `MessageBody=hi&Entries.member.1.Id=a` →
 * `{ MessageBody: 'hi', Entries: [{ Id: 'a' }] }`. Numbered segments make lists (1-based);
 * `member` and `entry` segments are the protocol's list wrappers and drop out.
 */
export function decodeForm(body: string): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split('.').filter((segment) => segment !== 'member' && segment !== 'entry');
    let node: Record<string, Json> | Json[] = out;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const slot: string | number = /^\d+$/.test(segment) ? Number(segment) - 1 : segment;
      const nextIsIndex = !last && /^\d+$/.test(path[index + 1] as string);
      const container = node as Record<string | number, Json>;
      if (last) container[slot] = value;
      else {
        container[slot] ??= nextIsIndex ? [] : {};
        node = container[slot] as Record<string, Json> | Json[];
      }
    });
  }
  return out;
}

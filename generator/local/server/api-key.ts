/**
 * `ApiKeyRequired` on a WebSocket route: the handshake must present an API key where the API's
 * ApiKeySelectionExpression says (the `x-api-key` header, or the `usageIdentifierKey` the `$connect`
 * authorizer returns), else 403 Forbidden before the integration runs. Where the template gives its
 * keys' values, the key must be one of them; with keys API Gateway generates (values unknown here)
 * any key is accepted, and the log says so. The key presented at `$connect` is the connection's
 * for its later messages.
 */

import { DEFAULT_API_KEY_SELECTION } from '../template/load-api-keys';
import type { LocalApiKeys } from '../types';

export type ApiKeyDecision =
  | { readonly allowed: true; readonly key: string; readonly note?: string }
  | { readonly allowed: false; readonly reason: string };

/** The key a handshake presents, from its headers or its authorizer's answer. */
export function presentedKey(
  apiKeys: LocalApiKeys | undefined,
  headers: Readonly<Record<string, string>>,
  usageIdentifierKey: string | undefined,
): string | undefined {
  const expression = apiKeys?.selectionExpression ?? DEFAULT_API_KEY_SELECTION;
  if (expression === '$context.authorizer.usageIdentifierKey') return usageIdentifierKey;
  const header = /^\$request\.header\.(.+)$/i.exec(expression)?.[1]?.toLowerCase();
  if (!header) return undefined;
  const name = Object.keys(headers).find((candidate) => candidate.toLowerCase() === header);
  return name === undefined ? undefined : headers[name];
}

export function checkApiKey(apiKeys: LocalApiKeys | undefined, key: string | undefined): ApiKeyDecision {
  const where = apiKeys?.selectionExpression ?? DEFAULT_API_KEY_SELECTION;
  if (!key) return { allowed: false, reason: `no API key (${where})` };
  if (apiKeys?.values.includes(key)) return { allowed: true, key };
  if (apiKeys && apiKeys.generated > 0) {
    return {
      allowed: true,
      key,
      note: 'API key not checked: the template has keys whose values API Gateway generates',
    };
  }
  if (apiKeys && apiKeys.values.length > 0)
    return { allowed: false, reason: 'the API key is not one of the template’s' };
  return { allowed: true, key, note: 'API key not checked: the template defines no AWS::ApiGateway::ApiKey' };
}

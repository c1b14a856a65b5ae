/**
 * What API Gateway checks on a handshake besides a Lambda authorizer, before `$connect`'s
 * integration runs: the SigV4 signature of an `AWS_IAM` route (./iam-auth.ts) and the API key of a
 * route with ApiKeyRequired (./api-key.ts). A refusal is 403 Forbidden, with the reason the caller
 * reports; the log says so on each connection accepted without full verification. No secret is ever
 * logged.
 */
import type { IncomingMessage } from 'node:http';
import type { LocalRoute } from '../types';
import { checkApiKey, presentedKey } from './api-key';
import type { Gateway } from './gateway';
import { checkIamSignature } from './iam-auth';

export type Checked<T> =
  | { readonly ok: true; readonly value?: T }
  | { readonly ok: false; readonly reason: string };

/** The signer's identity for an `AWS_IAM` route; nothing to check on other routes. */
export async function checkIamHandshake(
  gw: Gateway,
  route: LocalRoute | undefined,
  request: IncomingMessage,
  url: URL,
  connectionId: string,
): Promise<Checked<Record<string, unknown>>> {
  if (!route?.iam) return { ok: true };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const decision = await checkIamSignature(
    { path: decodeURIComponent(url.pathname), query: url.searchParams, headers },
    gw.iamKeys,
    gw.app.region,
  );
  if (!decision.allowed) return { ok: false, reason: decision.reason };
  if (!decision.verified) {
    gw.log.line(
      `${connectionId} $connect AWS_IAM: access key ${String(decision.identity.accessKey)} is not one whose secret wskit local holds: well-formed and in date, accepted unverified`,
    );
  }
  return { ok: true, value: decision.identity };
}

/** The connection's API key for a route with ApiKeyRequired; nothing to check on other routes. */
export function checkConnectApiKey(
  gw: Gateway,
  route: LocalRoute | undefined,
  headers: Readonly<Record<string, string>>,
  usageIdentifierKey: string | undefined,
  connectionId: string,
): Checked<string> {
  const key = presentedKey(gw.app.apiKeys, headers, usageIdentifierKey);
  if (!route?.apiKeyRequired) return key ? { ok: true, value: key } : { ok: true };
  const decision = checkApiKey(gw.app.apiKeys, key);
  if (!decision.allowed) return { ok: false, reason: decision.reason };
  if (decision.note) gw.log.line(`${connectionId} $connect ${decision.note}`);
  return { ok: true, value: decision.key };
}

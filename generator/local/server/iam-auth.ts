/**
 * `AuthorizationType: AWS_IAM` on `$connect`, as API Gateway checks it: the handshake carries a
 * SigV4 signature for `execute-api`, either in the query string (a presigned `wss://` URL, as
 * browser apps make with Cognito credentials: `X-Amz-Algorithm`, `-Credential`, `-Date`,
 * `-Expires`, `-SignedHeaders`, `-Signature`, and `-Security-Token` for temporary credentials) or in
 * the `Authorization` header (as the SDKs and CLIs sign). No signature, a malformed one, one for
 * another region or service, or one out of date (5 minutes either way for a header; a presigned
 * URL from its date until it expires) is refused with 403 before any function runs.
 *
 * When wskit local holds the key's secret (./iam-keys.ts), the signature is computed again with the
 * AWS SDK's own signer over the same request (canonical request and all) and must match. For any
 * other key, IAM cannot be asked from here: a well-formed, in-date signature is accepted unverified,
 * and the caller says so. A good signature fills `requestContext.identity`.
 */
import { timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { LOCAL_ACCOUNT_ID } from '../template/resolve';
import type { IamKey, IamKeyring } from './iam-keys';

/** What the handshake gives the check: its path, query string and headers (names in lower case). */
export interface SignedHandshake {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
}

export type IamDecision =
  | { readonly allowed: true; readonly identity: Record<string, unknown>; readonly verified: boolean }
  | { readonly allowed: false; readonly reason: string };

/** How far a signed header's date may be from now, as API Gateway allows. */
const SKEW_MS = 5 * 60_000;
/** The longest a presigned URL may last (SigV4's limit). */
const MAX_EXPIRES_SECONDS = 604_800;
const ALGORITHM = 'AWS4-HMAC-SHA256';
/** The query parameters a presigner adds; the signature covers every other one. */
const PRESIGN_PARAMS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
];

interface Signature {
  readonly form: 'query' | 'header';
  readonly accessKeyId: string;
  readonly region: string;
  readonly service: string;
  readonly date: Date;
  readonly expiresSeconds?: number;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  readonly sessionToken?: string;
}

export async function checkIamSignature(
  handshake: SignedHandshake,
  keyring: IamKeyring,
  region: string,
  nowMs = Date.now(),
): Promise<IamDecision> {
  const parsed = parseSignature(handshake);
  if (typeof parsed === 'string') return { allowed: false, reason: parsed };
  const problem = scopeProblem(parsed, region) ?? dateProblem(parsed, nowMs);
  if (problem) return { allowed: false, reason: problem };
  const key = keyring.keys.get(parsed.accessKeyId);
  if (key && !(await matches(parsed, key, handshake))) {
    return { allowed: false, reason: `the signature does not match (key from ${key.source})` };
  }
  return { allowed: true, identity: identityOf(parsed, key), verified: key !== undefined };
}

type Fields = Readonly<Record<string, string | undefined>>;

/** The signature's fields from the query string (a presigned URL) or the Authorization header. */
function signatureFields({
  query,
  headers,
}: SignedHandshake): { form: Signature['form']; fields: Fields } | undefined {
  if (query.has('X-Amz-Signature') || query.has('X-Amz-Algorithm')) {
    const get = (name: string) => query.get(`X-Amz-${name}`) ?? undefined;
    const fields = {
      algorithm: get('Algorithm'),
      credential: get('Credential'),
      signedHeaders: get('SignedHeaders'),
      signature: get('Signature'),
      date: get('Date'),
      token: get('Security-Token'),
      expires: get('Expires'),
    };
    return { form: 'query', fields };
  }
  if (!headers.authorization) return undefined;
  // `AWS4-HMAC-SHA256 Credential=<key>/<scope>, SignedHeaders=host;x-amz-date, Signature=<hex>`
  const [algorithm, rest = ''] = headers.authorization.trim().split(/\s+(.*)/s);
  const part = (name: string) => new RegExp(`(?:^|[\\s,])${name}=([^,\\s]+)`).exec(rest)?.[1];
  const fields = {
    algorithm,
    credential: part('Credential'),
    signedHeaders: part('SignedHeaders'),
    signature: part('Signature'),
    date: headers['x-amz-date'],
    token: headers['x-amz-security-token'],
  };
  return { form: 'header', fields };
}

/** The signature's parts, checked for form, or why it is missing or malformed. */
function parseSignature(handshake: SignedHandshake): Signature | string {
  const found = signatureFields(handshake);
  if (!found) return 'no SigV4 signature (X-Amz-Signature in the query string, or an Authorization header)';
  const { form, fields } = found;
  if (fields.algorithm !== ALGORITHM) return `the signature's algorithm must be ${ALGORITHM}`;
  const scope = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/.exec(fields.credential ?? '');
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(fields.date ?? '');
  if (!scope) return 'the credential must be <key>/<yyyymmdd>/<region>/<service>/aws4_request';
  if (!date || !fields.date?.startsWith(scope[2] as string))
    return 'X-Amz-Date is missing or not the credential scope’s day';
  if (!/^[0-9a-f]{64}$/.test(fields.signature ?? '')) return 'the signature must be 64 hexadecimal digits';
  const signedHeaders = (fields.signedHeaders ?? '').split(';').filter(Boolean);
  if (!signedHeaders.includes('host')) return 'the signed headers must include host';
  const [, y, mo, d, h, mi, s] = date.map(Number) as number[];
  const expires = fields.expires === undefined ? undefined : Number(fields.expires);
  if (
    form === 'query' &&
    !(Number.isInteger(expires) && (expires as number) > 0 && (expires as number) <= MAX_EXPIRES_SECONDS)
  ) {
    return `X-Amz-Expires must be a whole number of seconds from 1 to ${MAX_EXPIRES_SECONDS}`;
  }
  return {
    form,
    accessKeyId: scope[1] as string,
    region: scope[3] as string,
    service: scope[4] as string,
    date: new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s)),
    signedHeaders,
    signature: fields.signature as string,
    ...(expires !== undefined ? { expiresSeconds: expires } : {}),
    ...(fields.token ? { sessionToken: fields.token } : {}),
  };
}

function scopeProblem(signature: Signature, region: string): string | undefined {
  if (signature.service !== 'execute-api')
    return `the credential is scoped to ${signature.service}, not execute-api`;
  if (signature.region !== region)
    return `the credential is scoped to ${signature.region}, not this API's region ${region}`;
  return undefined;
}

function dateProblem(signature: Signature, nowMs: number): string | undefined {
  const signedAt = signature.date.getTime();
  if (signedAt - nowMs > SKEW_MS) return 'the signature is dated more than 5 minutes in the future';
  if (signature.form === 'header' && nowMs - signedAt > SKEW_MS)
    return 'Signature expired: signed more than 5 minutes ago';
  if (signature.form === 'query' && nowMs > signedAt + (signature.expiresSeconds as number) * 1000) {
    return 'Signature expired: the presigned URL is past its X-Amz-Expires';
  }
  return undefined;
}

/**
 * Signs the same request again with the key's secret, as the client did, and compares. Presigners
 * differ in the payload hash of a GET (the empty body's hash, or UNSIGNED-PAYLOAD): either counts.
 */
async function matches(signature: Signature, key: IamKey, handshake: SignedHandshake): Promise<boolean> {
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      ...(signature.sessionToken ? { sessionToken: signature.sessionToken } : {}),
    },
    region: signature.region,
    service: signature.service,
    sha256: Sha256,
    applyChecksum: false,
  });
  const headers = Object.fromEntries(
    signature.signedHeaders.map((name) => [name, handshake.headers[name] ?? '']),
  );
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of handshake.query) {
    if (signature.form === 'query' && PRESIGN_PARAMS.includes(name)) continue;
    const previous = query[name];
    query[name] = previous === undefined ? value : [previous, value].flat();
  }
  const host = handshake.headers.host ?? '';
  const options = { signingDate: signature.date, signableHeaders: new Set(signature.signedHeaders) };
  // A body that is neither text nor bytes makes the signer use UNSIGNED-PAYLOAD.
  for (const body of [undefined, { unsigned: true }]) {
    const request = {
      method: 'GET',
      protocol: 'http:',
      hostname: host,
      path: handshake.path,
      query,
      headers,
      body,
    };
    const expected =
      signature.form === 'query'
        ? String(
            (await signer.presign(request, { ...options, expiresIn: signature.expiresSeconds })).query?.[
              'X-Amz-Signature'
            ],
          )
        : (/Signature=([0-9a-f]{64})/.exec(
            String((await signer.sign(request, options)).headers.authorization),
          )?.[1] ?? '');
    if (expected.length === 64 && timingSafeEqual(Buffer.from(expected), Buffer.from(signature.signature)))
      return true;
  }
  return false;
}

/** `requestContext.identity` beyond sourceIp and userAgent: the key's principal, or stand-ins. */
function identityOf(signature: Signature, key: IamKey | undefined): Record<string, unknown> {
  const principal = key?.principal ?? {};
  const accountId = principal.accountId ?? LOCAL_ACCOUNT_ID;
  const caller = principal.caller ?? signature.accessKeyId;
  return {
    accessKey: signature.accessKeyId,
    accountId,
    caller,
    user: caller,
    userArn: principal.userArn ?? `arn:aws:iam::${accountId}:user/${signature.accessKeyId}`,
    cognitoIdentityId: principal.cognitoIdentityId ?? null,
    cognitoIdentityPoolId: principal.cognitoIdentityPoolId ?? null,
  };
}

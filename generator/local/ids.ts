/** Ids shaped like API Gateway's: 16 characters of base64 (connection, request and message ids). */
import { randomBytes } from 'node:crypto';

export const newGatewayId = () => randomBytes(11).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');

/** `21/Nov/2026:16:12:33 +0000`, the `$context.requestTime` format. */
export function requestTime(epochMs: number): string {
  const date = new Date(epochMs);
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${month}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** Ids shaped like API Gateway's: 16 characters of base64 (connection, request and message ids). */
import { randomBytes } from 'node:crypto';

// Random bytes drawn in batches: one randomBytes call per id is a measurable cost per message.
let pool = Buffer.alloc(0);
let offset = 0;

export function newGatewayId(): string {
  if (offset + 11 > pool.length) {
    pool = randomBytes(11 * 512);
    offset = 0;
  }
  offset += 11;
  return `${pool.toString('base64url', offset - 11, offset)}=`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

let cachedSecond = -1;
let cachedTime = '';

/**
 * `21/Nov/2026:16:12:33 +0000`, the `$context.requestTime` format (no Intl: it is hot and slow).
 * Every message of one second shares the text, so it is formatted once per second.
 */
export function requestTime(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== cachedSecond) {
    const d = new Date(second * 1000);
    cachedTime = `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
    cachedSecond = second;
  }
  return cachedTime;
}

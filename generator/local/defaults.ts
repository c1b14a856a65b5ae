/** The emulator's defaults, in one place: `startLocal` applies them and `wskit local --help` shows them. */
import { IDLE_TIMEOUT_MS, MAX_CONNECTION_MS } from './server/quotas';

export const LOCAL_DEFAULTS = {
  port: 3001,
  host: '127.0.0.1',
  /** Wait states take the time their definition says. */
  waitScale: 1,
  /** Region of the local stand-in ARNs and the functions' AWS_REGION. */
  region: 'us-east-1',
  idleTimeoutMs: IDLE_TIMEOUT_MS,
  maxConnectionMs: MAX_CONNECTION_MS,
  /** The console's own port (`wskit local`; `startLocal` runs it only when asked). */
  consolePort: 3002,
  /** Events the console keeps for pages that open later. */
  consoleHistorySize: 5000,
} as const;

/** The console's options and their defaults, apart from its server so public types stay self-contained. */
import { LOCAL_DEFAULTS } from '../defaults';

/** `startLocal({ console })`: where and how much. */
export interface ConsoleOptions {
  /** 0 picks a free port. @default 3002 */
  readonly port?: number;
  /** Events kept for pages that open later and for `GET /api/events`. @default 5000 */
  readonly historySize?: number;
  /** Most events a second sent to each page; the rest are counted as dropped. @default 400 */
  readonly liveEventsPerSecond?: number;
  /** Above this many events a second, events come without payloads (bodies, Lambda events, results). @default 2000 */
  readonly detailEventsPerSecond?: number;
}

export const CONSOLE_DEFAULTS = {
  port: LOCAL_DEFAULTS.consolePort,
  historySize: LOCAL_DEFAULTS.consoleHistorySize,
  liveEventsPerSecond: 400,
  detailEventsPerSecond: 2000,
  /** Longer strings (frame bodies, events) are cut for the page. */
  maxString: 16_384,
};

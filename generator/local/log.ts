/**
 * One line per event (connection, route, integration, status, latency); details only with --verbose.
 * Most lines are the log form of an event on the emulator's bus (events/log-lines.ts): the logger
 * listens to the bus it is given, so the console and the terminal read one stream.
 */
import { EventBus } from './events/bus';
import { logLine } from './events/log-lines';

export interface Logger {
  /** False when lines go nowhere: hot paths skip building them. */
  readonly enabled: boolean;
  readonly verbose: boolean;
  /** The emulator's event stream; events with a log form are printed as lines. */
  readonly events: EventBus;
  line(text: string): void;
  /** A multi-line detail (rendered template, Lambda event, state trace), printed only when verbose. */
  detail(label: string, value: unknown): void;
}

export function createLogger(
  write: ((line: string) => void) | undefined,
  verbose: boolean,
  events: EventBus = new EventBus(),
): Logger {
  if (!write) return { ...silentLogger, events };
  // Lines of one millisecond share their time stamp.
  let stampedAt = -1;
  let stamped = '';
  const stamp = () => {
    const now = Date.now();
    if (now !== stampedAt) {
      stampedAt = now;
      stamped = new Date(now).toISOString().slice(11, 23);
    }
    return stamped;
  };
  const line = (text: string) => write(`${stamp()} ${text}`);
  events.on((event) => {
    const text = logLine(event);
    if (text !== undefined) line(text);
  });
  return {
    enabled: true,
    verbose,
    events,
    line,
    detail: (label, value) => {
      if (!verbose) return;
      const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
      write(`${stamp()}   ${label}: ${text.replace(/\n/g, '\n    ')}`);
    },
  };
}

/** Logs nothing; its bus has no listener unless someone subscribes. */
export const silentLogger: Logger = {
  enabled: false,
  verbose: false,
  events: new EventBus(),
  line: () => {},
  detail: () => {},
};

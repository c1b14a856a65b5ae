/** One line per event (connection, route, integration, status, latency); details only with --verbose. */

export interface Logger {
  /** False when lines go nowhere: hot paths skip building them. */
  readonly enabled: boolean;
  readonly verbose: boolean;
  line(text: string): void;
  /** A multi-line detail (rendered template, Lambda event, state trace), printed only when verbose. */
  detail(label: string, value: unknown): void;
}

export function createLogger(write: ((line: string) => void) | undefined, verbose: boolean): Logger {
  if (!write) return silentLogger;
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
  return {
    enabled: true,
    verbose,
    line: (text) => write(`${stamp()} ${text}`),
    detail: (label, value) => {
      if (!verbose) return;
      const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
      write(`${stamp()}   ${label}: ${text.replace(/\n/g, '\n    ')}`);
    },
  };
}

export const silentLogger: Logger = { enabled: false, verbose: false, line: () => {}, detail: () => {} };

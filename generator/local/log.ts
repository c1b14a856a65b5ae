/** One line per event (connection, route, integration, status, latency); details only with --verbose. */

export interface Logger {
  readonly verbose: boolean;
  line(text: string): void;
  /** A multi-line detail (rendered template, Lambda event, state trace), printed only when verbose. */
  detail(label: string, value: unknown): void;
}

export function createLogger(write: ((line: string) => void) | undefined, verbose: boolean): Logger {
  if (!write) return silentLogger;
  const stamp = () => new Date().toISOString().slice(11, 23);
  return {
    verbose,
    line: (text) => write(`${stamp()} ${text}`),
    detail: (label, value) => {
      if (!verbose) return;
      const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
      write(`${stamp()}   ${label}: ${text.replace(/\n/g, '\n    ')}`);
    },
  };
}

export const silentLogger: Logger = { verbose: false, line: () => {}, detail: () => {} };

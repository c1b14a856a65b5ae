/**
 * Where the deploy client writes, and its sense of time, passed in so tests can capture every line
 * and poll without waiting. Only a real terminal gets the live progress line and the questions.
 */
import { createInterface } from 'node:readline/promises';

export interface Terminal {
  /** One line of output. */
  line(text: string): void;
  /** Replaces the live progress line (undefined clears it). Absent when output is not a terminal. */
  progress?(text: string | undefined): void;
  /** Asks a yes/no question. Absent when nobody can answer (no TTY on stdin or stdout). */
  confirm?(question: string): Promise<boolean>;
}

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

const CLEAR_LINE = '\r\x1b[2K';

/** Lines on stdout; on a TTY a progress line that stays below them, and questions on stdin. */
export function processTerminal(
  stdout: NodeJS.WriteStream = process.stdout,
  stdin: NodeJS.ReadStream = process.stdin,
): Terminal {
  if (!stdout.isTTY) return { line: (text) => stdout.write(`${text}\n`) };
  let current: string | undefined;
  const terminal: Terminal = {
    line(text) {
      stdout.write(`${current ? CLEAR_LINE : ''}${text}\n${current ?? ''}`);
    },
    progress(text) {
      if (text === undefined && current === undefined) return;
      current = text;
      stdout.write(`${CLEAR_LINE}${text ?? ''}`);
    },
  };
  if (stdin.isTTY) {
    terminal.confirm = async (question) => {
      terminal.progress?.(undefined);
      const rl = createInterface({ input: stdin, output: stdout });
      try {
        // Ctrl-C at a question means no.
        return await new Promise<boolean>((resolve) => {
          rl.once('SIGINT', () => {
            stdout.write('\n');
            resolve(false);
          });
          rl.question(`${question} [y/N] `).then(
            (answer) => resolve(/^y(es)?$/i.test(answer.trim())),
            () => resolve(false),
          );
        });
      } finally {
        rl.close();
      }
    };
  }
  return terminal;
}

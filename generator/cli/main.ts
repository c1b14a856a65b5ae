/**
 * The wskit command line. This is the only place that turns errors into exit codes: a WskitError
 * (a user mistake) prints one line and exits with its code; anything else is a bug and keeps its stack.
 */
import { CommanderError } from 'commander';
import { WskitError } from '../errors';
import { buildProgram } from './program';

export async function main(argv: readonly string[]): Promise<number> {
  const outcome = { exitCode: 0 };
  const program = buildProgram(outcome);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its one-line message; help and version exit 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof WskitError) {
      process.stderr.write(`wskit: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

/** Options of `wskit lint`; the behaviour is in ./lint.ts, loaded on demand. */
import type { Command } from 'commander';
import { UsageError } from '../../errors';
import type { Done } from '../program';

export function registerLint(program: Command, done: Done): void {
  program
    .command('lint')
    .description('(not yet available)')
    .action(() => {
      done(0);
      throw new UsageError('E_NOT_IMPLEMENTED', 'wskit lint is not available yet');
    });
}

/** Options of `wskit local`; the behaviour is in ./local.ts, loaded on demand. */
import type { Command } from 'commander';
import { UsageError } from '../../errors';
import type { Done } from '../program';

export function registerLocal(program: Command, done: Done): void {
  program
    .command('local')
    .description('(not yet available)')
    .action(() => {
      done(0);
      throw new UsageError('E_NOT_IMPLEMENTED', 'wskit local is not available yet');
    });
}

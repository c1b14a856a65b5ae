/** Options of `wskit generate`; the behaviour is in ./generate.ts, loaded on demand. */
import type { Command } from 'commander';
import { UsageError } from '../../errors';
import type { Done } from '../program';

export function registerGenerate(program: Command, done: Done): void {
  program
    .command('generate')
    .description('(not yet available)')
    .action(() => {
      done(0);
      throw new UsageError('E_NOT_IMPLEMENTED', 'wskit generate is not available yet');
    });
}

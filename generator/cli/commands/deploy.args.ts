/** Options of `wskit deploy`, `wskit delete` and `wskit outputs`; the behaviour loads on demand. */
import type { Command } from 'commander';
import { UsageError } from '../../errors';
import type { Done } from '../program';

function notYet(program: Command, name: string, done: Done): void {
  program
    .command(name)
    .description('(not yet available)')
    .action(() => {
      done(0);
      throw new UsageError('E_NOT_IMPLEMENTED', `wskit ${name} is not available yet`);
    });
}

export const registerDeploy = (program: Command, done: Done) => notYet(program, 'deploy', done);
export const registerDelete = (program: Command, done: Done) => notYet(program, 'delete', done);
export const registerOutputs = (program: Command, done: Done) => notYet(program, 'outputs', done);

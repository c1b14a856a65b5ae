/** `wskit delete`: AWS checked, then DeleteStack followed to the end. */
import { connectAws } from '../../deploy/aws';
import { deleteStack } from '../../deploy/delete';
import { withInterrupt } from '../../deploy/run';
import { processTerminal, systemClock } from '../../deploy/terminal';
import type { DeleteArgs } from './deploy.args';

export async function runDelete(args: DeleteArgs): Promise<number> {
  const aws = await connectAws(args);
  return withInterrupt((signal) =>
    deleteStack(args, { ...aws, terminal: processTerminal(), clock: systemClock, signal }),
  );
}

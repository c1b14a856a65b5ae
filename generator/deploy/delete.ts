/** `wskit delete`: DeleteStack and follow it to the end. A missing stack is not an error with --ignore-missing. */
import { DeployError } from './errors';
import type { FollowContext } from './follow';
import { removeStack } from './remove-stack';
import { checkStackName } from './settings';
import { describeStack } from './stack-state';

export interface DeleteSettings {
  readonly stackName: string;
  readonly confirm: boolean;
  readonly ignoreMissing: boolean;
}

export async function deleteStack(
  settings: DeleteSettings,
  ctx: FollowContext & { region: string },
): Promise<number> {
  const { stackName } = settings;
  checkStackName(stackName);
  const stack = await describeStack(ctx.cfn, stackName);
  if (!stack) {
    if (settings.ignoreMissing) {
      ctx.terminal.line(`Stack ${stackName} does not exist in ${ctx.region}; nothing to delete.`);
      return 0;
    }
    throw new DeployError(
      'E_DELETE_MISSING',
      `stack ${stackName} does not exist in ${ctx.region} (pass --ignore-missing to treat that as success)`,
    );
  }
  const ask = settings.confirm && ctx.terminal.confirm;
  if (ask && !(await ask(`Delete stack ${stackName} and all its resources?`))) {
    ctx.terminal.line('Not deleted.');
    return 0;
  }
  ctx.terminal.line(`Deleting stack ${stackName}`);
  await removeStack(ctx, stack);
  ctx.terminal.line(`Deleted stack ${stackName}.`);
  return 0;
}

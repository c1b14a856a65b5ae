/** Deletes a stack and follows the deletion to the end; shared by `wskit delete` and a deploy that must start over. */
import { DeleteStackCommand, type Stack } from '@aws-sdk/client-cloudformation';
import { DeployError } from './errors';
import { type FollowContext, failureReasons, followStack, latestEventId } from './follow';

export async function removeStack(ctx: FollowContext, stack: Stack): Promise<void> {
  const stackId = stack.StackId as string;
  const name = stack.StackName as string;
  const since = await latestEventId(ctx.cfn, stackId);
  if (stack.StackStatus !== 'DELETE_IN_PROGRESS') {
    await ctx.cfn.send(new DeleteStackCommand({ StackName: stackId }));
  }
  const { stack: final, events } = await followStack(ctx, stackId, name, since);
  if (final.StackStatus !== 'DELETE_COMPLETE') {
    const reasons = failureReasons(events);
    if (reasons.length > 0) ctx.terminal.line('Resources that could not be deleted:');
    for (const reason of reasons) ctx.terminal.line(reason);
    throw new DeployError(
      'E_DELETE_FAILED',
      `deleting stack ${name} ended in ${final.StackStatus}${final.StackStatusReason ? ` (${final.StackStatusReason})` : ''}`,
    );
  }
}

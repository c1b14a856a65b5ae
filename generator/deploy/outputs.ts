/** A stack's outputs, for `wskit outputs` and the end of a deploy: a table, the wss URL, a wscat command. */
import { DeployError } from './errors';
import type { FollowContext } from './follow';
import { formatOutputs, outputsJson, websocketUrl } from './format';
import { describeStack } from './stack-state';

export async function printOutputs(
  ctx: Pick<FollowContext, 'cfn' | 'terminal'>,
  stackName: string,
  { json = false }: { json?: boolean } = {},
): Promise<void> {
  const stack = await describeStack(ctx.cfn, stackName);
  if (!stack) throw new DeployError('E_STACK_MISSING', `stack ${stackName} does not exist in this region`);
  const outputs = stack.Outputs ?? [];
  if (json) {
    ctx.terminal.line(outputsJson(outputs));
    return;
  }
  for (const line of formatOutputs(outputs)) ctx.terminal.line(line);
  const url = websocketUrl(outputs);
  if (url) {
    ctx.terminal.line('');
    ctx.terminal.line(`WebSocket URL: ${url}`);
    ctx.terminal.line(`Try it:        wscat -c ${url}`);
  }
}

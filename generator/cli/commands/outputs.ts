/** `wskit outputs`: a stack's outputs as a table or JSON. */
import { connectAws } from '../../deploy/aws';
import { printOutputs } from '../../deploy/outputs';
import { withInterrupt } from '../../deploy/run';
import { checkStackName } from '../../deploy/settings';
import { processTerminal } from '../../deploy/terminal';
import type { OutputsArgs } from './deploy.args';

export async function runOutputs(args: OutputsArgs): Promise<number> {
  checkStackName(args.stackName);
  const aws = await connectAws(args);
  await withInterrupt(() =>
    printOutputs({ cfn: aws.cfn, terminal: processTerminal() }, args.stackName, args),
  );
  return 0;
}

/**
 * Change sets: create one (CREATE for a new stack, UPDATE otherwise), wait until CloudFormation has
 * computed it, and read its changes. "No changes" is an answer, not an error.
 */
import {
  type Change,
  type CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  type Parameter,
  type Tag,
} from '@aws-sdk/client-cloudformation';
import { DeployError, InterruptedError } from './errors';
import type { Clock } from './terminal';

export interface ChangeSetRequest {
  readonly stackName: string;
  readonly type: 'CREATE' | 'UPDATE';
  readonly template: { readonly body: string } | { readonly url: string };
  readonly parameters: readonly Parameter[];
  readonly capabilities: readonly string[];
  readonly tags: readonly Tag[];
}

export type ChangeSetResult =
  | {
      readonly kind: 'ready';
      readonly id: string;
      readonly stackId: string;
      readonly changes: readonly Change[];
    }
  | { readonly kind: 'empty'; readonly id: string };

const POLL_MILLIS = 2000;

/** Change set names must start with a letter: `wskit-20261121T161233Z`. */
export function changeSetName(now: number): string {
  return `wskit-${new Date(now).toISOString().replace(/[-:]|\.\d+/g, '')}`;
}

export async function createChangeSet(
  cfn: CloudFormationClient,
  request: ChangeSetRequest,
  { clock, signal, pollMillis = POLL_MILLIS }: { clock: Clock; signal?: AbortSignal; pollMillis?: number },
): Promise<ChangeSetResult> {
  const created = await cfn.send(
    new CreateChangeSetCommand({
      StackName: request.stackName,
      ChangeSetName: changeSetName(clock.now()),
      ChangeSetType: request.type,
      ...('body' in request.template
        ? { TemplateBody: request.template.body }
        : { TemplateURL: request.template.url }),
      Parameters: [...request.parameters],
      Capabilities: [...request.capabilities] as CreateChangeSetCommand['input']['Capabilities'],
      Tags: [...request.tags],
      Description: 'Created by wskit deploy',
    }),
  );
  const id = created.Id as string;
  for (;;) {
    const described = await describeAll(cfn, id);
    if (described.status === 'CREATE_COMPLETE') {
      return { kind: 'ready', id, stackId: created.StackId as string, changes: described.changes };
    }
    if (described.status === 'FAILED') {
      if (isNoChange(described.reason)) return { kind: 'empty', id };
      throw new DeployError(
        'E_DEPLOY_CHANGE_SET',
        `CloudFormation rejected the change set: ${described.reason ?? 'no reason given'}`,
      );
    }
    await clock.sleep(pollMillis, signal);
    if (signal?.aborted) {
      throw new InterruptedError(
        'E_DEPLOY_INTERRUPTED',
        'stopped before the change set was ready; nothing was deployed',
      );
    }
  }
}

export async function deleteChangeSet(cfn: CloudFormationClient, id: string): Promise<void> {
  await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: id }));
}

function isNoChange(reason: string | undefined): boolean {
  return /didn't contain changes|No updates are to be performed/i.test(reason ?? '');
}

async function describeAll(cfn: CloudFormationClient, id: string) {
  const changes: Change[] = [];
  let token: string | undefined;
  let status: string | undefined;
  let reason: string | undefined;
  do {
    const page = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: id, NextToken: token }));
    status = page.Status;
    reason = page.StatusReason;
    if (status !== 'CREATE_COMPLETE') return { status, reason, changes };
    changes.push(...(page.Changes ?? []));
    token = page.NextToken;
  } while (token);
  return { status, reason, changes };
}

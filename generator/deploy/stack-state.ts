/** What a stack's current status means for the next deploy or delete: pure decisions, no calls. */
import { type CloudFormationClient, DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation';

export type NextStep =
  | { readonly kind: 'create' }
  | { readonly kind: 'update' }
  /** Another operation is running: wait for it to settle, then decide again. */
  | { readonly kind: 'wait' }
  /** The first create failed and rolled back: the stack must be deleted before it can be created. */
  | { readonly kind: 'delete-first' }
  | { readonly kind: 'refuse'; readonly reason: string };

export function nextDeployStep(status: string | undefined): NextStep {
  if (status === undefined || status === 'REVIEW_IN_PROGRESS') return { kind: 'create' };
  if (status.endsWith('_IN_PROGRESS')) return { kind: 'wait' };
  if (status === 'ROLLBACK_COMPLETE' || status === 'ROLLBACK_FAILED' || status === 'CREATE_FAILED') {
    return { kind: 'delete-first' };
  }
  if (status === 'UPDATE_ROLLBACK_FAILED') {
    return {
      kind: 'refuse',
      reason: 'its last rollback failed: fix the cause, then run aws cloudformation continue-update-rollback',
    };
  }
  if (status === 'DELETE_FAILED') {
    return { kind: 'refuse', reason: 'its deletion failed: fix the cause, then run wskit delete again' };
  }
  return { kind: 'update' };
}

export function isSettled(status: string | undefined): boolean {
  return status !== undefined && !status.endsWith('_IN_PROGRESS');
}

/** The stack by name or id, or undefined when there is none (CloudFormation answers ValidationError). */
export async function describeStack(
  cfn: CloudFormationClient,
  stackName: string,
): Promise<Stack | undefined> {
  try {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    return Stacks?.[0];
  } catch (error) {
    const e = error as { name?: string; message?: string };
    if (e.name === 'ValidationError' && /does not exist/.test(e.message ?? '')) return undefined;
    throw error;
  }
}

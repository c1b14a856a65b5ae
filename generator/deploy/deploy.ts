/**
 * `wskit deploy`: read the app and check it (no AWS call yet), then package, create a change set,
 * show it, execute it and follow the stack to the end, like `sam deploy` does.
 */
import { ExecuteChangeSetCommand, type Stack } from '@aws-sdk/client-cloudformation';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Template } from '../template/types';
import { toYaml } from '../template/yaml';
import { type ArtifactRef, findLocalArtifacts, rewriteArtifacts, type S3Location } from './artifacts';
import { createChangeSet, deleteChangeSet } from './change-set';
import { DeployError, InterruptedError } from './errors';
import { type FollowContext, failureReasons, followStack, latestEventId } from './follow';
import { formatChanges } from './format';
import { ensureManagedBucket } from './managed-bucket';
import { printOutputs } from './outputs';
import { type BuiltArtifact, buildArtifacts, uploadArtifacts } from './package';
import { planParameters, toTags } from './parameters';
import { readAppTemplate } from './read-app';
import { removeStack } from './remove-stack';
import type { DeploySettings } from './settings';
import { describeStack, nextDeployStep } from './stack-state';
import { templateSource } from './template-source';

export interface DeployContext extends FollowContext {
  readonly s3: S3Client;
  readonly region: string;
}

/** The app read from disk and checked, with its artifacts built: everything before the first AWS call. */
export interface LocalApp {
  readonly template: Template;
  readonly built: ReadonlyMap<ArtifactRef, BuiltArtifact>;
}

/** Reads the template, checks the parameter overrides against it and builds the artifacts. */
export async function readLocalApp(settings: DeploySettings): Promise<LocalApp> {
  const template = await readAppTemplate(settings.appDir);
  planParameters(template, settings.parameterOverrides, undefined); // a bad override fails before any upload
  const built = await buildArtifacts(settings.appDir, findLocalArtifacts(template), settings.s3Prefix);
  return { template, built };
}

/** Returns the exit status: 0 when deployed, up to date, or left for review. */
export async function deploy(
  settings: DeploySettings,
  ctx: DeployContext,
  local?: LocalApp,
): Promise<number> {
  const { terminal } = ctx;
  const app = local ?? (await readLocalApp(settings));
  const { type, stack } = await prepareStack(settings, ctx);
  const { bucket, packaged } = await uploadAndPackage(settings, ctx, app);

  stopIfInterrupted(ctx.signal, 'stopped after uploading; nothing was deployed');
  terminal.line(`Creating a change set for stack ${settings.stackName} (${type})`);
  const changeSet = await createChangeSet(
    ctx.cfn,
    {
      stackName: settings.stackName,
      type,
      template: await templateSource(ctx.s3, bucket, settings.s3Prefix, ctx.region, packaged),
      parameters: planParameters(app.template, settings.parameterOverrides, stackParameterKeys(stack)),
      capabilities: settings.capabilities,
      tags: toTags(settings.tags),
    },
    ctx,
  );
  if (changeSet.kind === 'empty') {
    await deleteChangeSet(ctx.cfn, changeSet.id);
    terminal.line(`No changes to deploy: stack ${settings.stackName} is up to date.`);
    await printOutputs(ctx, settings.stackName);
    return 0;
  }
  for (const line of formatChanges(changeSet.changes)) terminal.line(line);
  if (!settings.execute) {
    terminal.line(
      `Change set created, not executed. To execute it: aws cloudformation execute-change-set --change-set-name ${changeSet.id}`,
    );
    return 0;
  }
  if (settings.confirm && terminal.confirm && !(await terminal.confirm('Deploy this change set?'))) {
    await deleteChangeSet(ctx.cfn, changeSet.id);
    terminal.line('Not deployed; the change set was deleted.');
    return 0;
  }
  stopIfInterrupted(
    ctx.signal,
    `stopped before executing; nothing was deployed (change set ${changeSet.id} is left for review)`,
  );
  await executeAndFollow(ctx, changeSet.id, changeSet.stackId, settings.stackName);
  await printOutputs(ctx, settings.stackName);
  return 0;
}

/** Uploads what the bucket lacks and returns the template text pointing at the uploads. */
async function uploadAndPackage(settings: DeploySettings, ctx: DeployContext, { template, built }: LocalApp) {
  const bucket = settings.s3Bucket ?? (await ensureManagedBucket(ctx));
  const uploads = await uploadArtifacts(ctx.s3, bucket, built.values(), (line) => ctx.terminal.line(line));
  if (uploads.skipped > 0) {
    ctx.terminal.line(`${uploads.skipped} artifact(s) already in s3://${bucket}, not uploaded again`);
  }
  const locations = new Map<ArtifactRef, S3Location>();
  for (const [ref, artifact] of built) locations.set(ref, { bucket, key: artifact.key });
  return { bucket, packaged: toYaml(rewriteArtifacts(template, locations)) };
}

/** Settles the stack's state before a change set: waits for a running operation, clears a failed create. */
async function prepareStack(
  settings: DeploySettings,
  ctx: DeployContext,
): Promise<{ type: 'CREATE' | 'UPDATE'; stack?: Stack }> {
  const { stackName } = settings;
  for (;;) {
    const stack = await describeStack(ctx.cfn, stackName);
    const step = nextDeployStep(stack?.StackStatus);
    if (step.kind === 'create') return { type: 'CREATE', stack };
    if (step.kind === 'update') return { type: 'UPDATE', stack };
    const found = stack as Stack;
    const status = found.StackStatus;
    if (step.kind === 'refuse')
      throw new DeployError('E_DEPLOY_STACK_STATE', `stack ${stackName} is ${status}: ${step.reason}`);
    if (step.kind === 'wait') {
      ctx.terminal.line(`Stack ${stackName} is ${status}; waiting for it to finish (Ctrl-C stops waiting)`);
      const stackId = found.StackId as string;
      await followStack(ctx, stackId, stackName, await latestEventId(ctx.cfn, stackId));
      continue;
    }
    const why = `stack ${stackName} is ${status}: its first deployment failed, and it must be deleted before it can be deployed again`;
    const ask = settings.confirm && ctx.terminal.confirm;
    if (!ask || !(await ask(`${capitalize(why)}. Delete it now?`))) {
      throw new DeployError(
        'E_DEPLOY_ROLLBACK_COMPLETE',
        `${why}: run wskit delete --stack-name ${stackName}`,
      );
    }
    await removeStack(ctx, found);
  }
}

async function executeAndFollow(ctx: DeployContext, changeSetId: string, stackId: string, stackName: string) {
  const since = await latestEventId(ctx.cfn, stackId);
  await ctx.cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: changeSetId }));
  const { stack, events } = await followStack(ctx, stackId, stackName, since);
  if (stack.StackStatus === 'CREATE_COMPLETE' || stack.StackStatus === 'UPDATE_COMPLETE') {
    ctx.terminal.line(`Stack ${stackName}: ${stack.StackStatus}`);
    return;
  }
  const reasons = failureReasons(events);
  if (reasons.length > 0) ctx.terminal.line('Failed resources:');
  for (const reason of reasons) ctx.terminal.line(reason);
  const next =
    nextDeployStep(stack.StackStatus).kind === 'delete-first'
      ? ` (delete it before deploying again: wskit delete --stack-name ${stackName})`
      : '';
  throw new DeployError(
    'E_DEPLOY_FAILED',
    `deploying stack ${stackName} failed; the stack is ${stack.StackStatus}${next}`,
  );
}

function stackParameterKeys(stack: Stack | undefined): string[] | undefined {
  if (!stack || stack.StackStatus === 'REVIEW_IN_PROGRESS') return undefined;
  return (stack.Parameters ?? []).map((p) => p.ParameterKey as string);
}

function stopIfInterrupted(signal: AbortSignal | undefined, message: string): void {
  if (signal?.aborted) throw new InterruptedError('E_DEPLOY_INTERRUPTED', message);
}

function capitalize(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

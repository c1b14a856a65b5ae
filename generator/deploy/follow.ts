/**
 * Follows a stack operation to the end: prints each new stack event as a line, keeps a live progress
 * line on a terminal, and returns when the stack settles. Ctrl-C stops the waiting, not the stack.
 */
import {
  type CloudFormationClient,
  DescribeStackEventsCommand,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { DeployError, InterruptedError } from './errors';
import { formatEvent } from './format';
import { describeStack, isSettled } from './stack-state';
import type { Clock, Terminal } from './terminal';

export interface FollowContext {
  readonly cfn: CloudFormationClient;
  readonly terminal: Terminal;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  /** Milliseconds between polls. */
  readonly pollMillis?: number;
}

export interface Followed {
  readonly stack: Stack;
  /** The events of this operation, oldest first. */
  readonly events: readonly StackEvent[];
}

const DEFAULT_POLL_MILLIS = 5000;
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException']);

/** The newest event id before an operation starts, so following shows only that operation's events. */
export async function latestEventId(cfn: CloudFormationClient, stackId: string): Promise<string | undefined> {
  const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: stackId }));
  return StackEvents?.[0]?.EventId;
}

export async function followStack(
  ctx: FollowContext,
  stackId: string,
  stackName: string,
  sinceEventId: string | undefined,
): Promise<Followed> {
  const { terminal, clock, signal } = ctx;
  const started = clock.now();
  const seen = new Set<string>(sinceEventId ? [sinceEventId] : []);
  const events: StackEvent[] = [];
  try {
    for (;;) {
      if (signal?.aborted) throw interrupted(stackName);
      const polled = await poll(ctx, stackId, seen).catch((error) => {
        if (THROTTLED.has((error as Error).name)) return undefined; // try again next round
        throw error;
      });
      if (polled) {
        for (const event of polled.fresh) terminal.line(formatEvent(event));
        events.push(...polled.fresh);
        if (!polled.stack)
          throw new DeployError('E_DEPLOY_STACK_GONE', `stack ${stackName} disappeared while waiting`);
        if (isSettled(polled.stack.StackStatus)) return { stack: polled.stack, events };
        terminal.progress?.(progressLine(stackName, polled.stack.StackStatus, events, clock.now() - started));
      }
      await clock.sleep(ctx.pollMillis ?? DEFAULT_POLL_MILLIS, signal);
    }
  } finally {
    terminal.progress?.(undefined);
  }
}

/** Status first, then events: every event up to that status is then printed before returning. */
async function poll(ctx: FollowContext, stackId: string, seen: Set<string>) {
  const stack = await describeStack(ctx.cfn, stackId);
  const fresh = await newEvents(ctx.cfn, stackId, seen);
  return { fresh, stack };
}

/** Events not seen yet, oldest first; reads pages (newest first) until it meets a seen event. */
async function newEvents(
  cfn: CloudFormationClient,
  stackId: string,
  seen: Set<string>,
): Promise<StackEvent[]> {
  const fresh: StackEvent[] = [];
  let token: string | undefined;
  do {
    const page = await cfn.send(new DescribeStackEventsCommand({ StackName: stackId, NextToken: token }));
    for (const event of page.StackEvents ?? []) {
      if (event.EventId && seen.has(event.EventId)) return finish(fresh, seen);
      fresh.push(event);
    }
    token = page.NextToken;
  } while (token);
  return finish(fresh, seen);
}

function finish(fresh: StackEvent[], seen: Set<string>): StackEvent[] {
  for (const event of fresh) if (event.EventId) seen.add(event.EventId);
  return fresh.reverse();
}

function progressLine(
  stackName: string,
  status: string | undefined,
  events: readonly StackEvent[],
  ms: number,
) {
  const done = new Set(
    events
      .filter((e) => e.LogicalResourceId !== stackName && /_COMPLETE$/.test(e.ResourceStatus ?? ''))
      .map((e) => e.LogicalResourceId),
  ).size;
  const seconds = Math.floor(ms / 1000);
  const elapsed = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return `${stackName} ${status ?? ''}: ${done} resource${done === 1 ? '' : 's'} done, ${elapsed} elapsed`;
}

function interrupted(stackName: string): InterruptedError {
  return new InterruptedError(
    'E_DEPLOY_INTERRUPTED',
    `stopped waiting; stack ${stackName} carries on in CloudFormation. Follow it with: aws cloudformation describe-stack-events --stack-name ${stackName}`,
  );
}

/** Failed resources of an operation, with CloudFormation's reasons, oldest first. */
export function failureReasons(events: readonly StackEvent[]): string[] {
  return events
    .filter((e) => /FAILED$/.test(e.ResourceStatus ?? '') && e.ResourceStatusReason)
    .map(
      (e) => `  ${e.LogicalResourceId} (${e.ResourceType}) ${e.ResourceStatus}: ${e.ResourceStatusReason}`,
    );
}

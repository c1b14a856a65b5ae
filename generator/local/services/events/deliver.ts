/**
 * How EventBridge hands an event to a target, shared by rules matching events and by schedules
 * (rules and EventBridge Scheduler): a function of the template is invoked asynchronously, a queue
 * gets an SQS message, a topic an SNS message, a state machine an execution, each through the
 * running service's own action; a target nothing local runs is logged as not delivered.
 */
import { logDelivery } from '../delivery-log';
import { queueUrlOfArn } from '../sqs/template';
import type { ServiceHost } from '../types';
import type { Target } from './template';

export const targetName = (target: Target) =>
  target.kind === 'function'
    ? target.functionId
    : `${target.arn.split(':')[2]} ${target.arn.split(/[:/]/).at(-1)}`;

/** The action and request that deliver to a queue, topic or state machine target. */
function serviceCall(
  target: Target & { kind: 'arn' },
  text: string,
): [string, Record<string, unknown>] | undefined {
  switch (target.arn.split(':')[2]) {
    case 'sqs':
      return [
        'sqs:SendMessage',
        {
          QueueUrl: queueUrlOfArn(target.arn),
          MessageBody: text,
          ...(target.messageGroupId ? { MessageGroupId: target.messageGroupId } : {}),
        },
      ];
    case 'sns':
      return ['sns:Publish', { TopicArn: target.arn, Message: text }];
    case 'states':
      return ['states:StartExecution', { stateMachineArn: target.arn, input: text }];
    default:
      return undefined;
  }
}

/** Sends `input` (the target's input, already built) to the target; `source` names the sender in the log. */
export async function deliverToTarget(host: ServiceHost, source: string, target: Target, input: unknown) {
  const started = Date.now();
  host.log.detail(`${source} → ${targetName(target)} input`, input);
  if (target.kind === 'function') {
    const outcome = await host.invokeFunction(target.functionId, input);
    const status = outcome.ok ? 'ok' : `error ${outcome.error.errorType}: ${outcome.error.errorMessage}`;
    logDelivery(host.log, source, target.functionId, status, started);
    return;
  }
  const call = serviceCall(target, typeof input === 'string' ? input : JSON.stringify(input));
  const action = call && host.action(call[0]);
  if (!call || !action) {
    logDelivery(
      host.log,
      source,
      targetName(target),
      'not delivered: wskit local does not run this target',
      started,
    );
    return;
  }
  const answer = await action(call[1]);
  const status =
    answer.statusCode === 200 ? 'ok' : `error ${String(answer.body.__type)}: ${String(answer.body.message)}`;
  logDelivery(host.log, source, targetName(target), status, started);
}

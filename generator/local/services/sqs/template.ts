/**
 * What a template says about SQS: its queues (`AWS::SQS::Queue`, with CloudFormation's defaults and
 * names) and the functions that consume them, through SAM's `Events: Type: SQS` or an
 * `AWS::Lambda::EventSourceMapping` whose EventSourceArn is one of the template's queues.
 */
import type { Json, Resource } from '../../../template/types';
import type { LocalApp } from '../../types';
import { declaredEventSources, numberOr, reportsBatchItemFailures } from '../event-sources';
import { jsonValue, matchesReference, ownName, resourcesOf } from '../names';
import { localArn } from '../stand-ins';
import type { StandInContext } from '../types';
import { QUEUE_DEFAULTS, type QueueConfig } from './queue';

type Props = Readonly<Record<string, Json>>;
type Place = Pick<StandInContext, 'stackName' | 'region' | 'accountId'>;

export interface QueueDefinition extends QueueConfig {
  readonly id: string;
  /** The redrive target as the template names it; resolved to a queue when the service starts. */
  readonly deadLetterReference?: string;
}

export interface EventSourceMapping {
  /** `Consumer.Jobs` (SAM event) or the mapping's logical id. */
  readonly id: string;
  readonly queueId: string;
  readonly functionId: string;
  readonly batchSize: number;
  readonly batchingWindowMs: number;
  readonly reportBatchItemFailures: boolean;
  readonly enabled: boolean;
}

/** Lambda's defaults for an SQS event source. */
export const EVENT_SOURCE_DEFAULTS = { batchSize: 10, batchingWindowSeconds: 0 } as const;

/** The queue's name from its resolved properties; CloudFormation ends a generated FIFO name with .fifo. */
export function queueName(logicalId: string, props: Props | undefined, stackName: string): string {
  const name = ownName(logicalId, props?.QueueName, stackName);
  return props?.QueueName === undefined && isTrue(props?.FifoQueue) ? `${name}.fifo` : name;
}

export const queueUrl = (name: string, place: Place) =>
  `https://sqs.${place.region}.amazonaws.com/${place.accountId}/${name}`;

/** Ref/GetAtt stand-ins of a queue resource. */
export function queueAttribute(
  logicalId: string,
  resource: Resource,
  attribute: string,
  ctx: StandInContext,
) {
  const props = ctx.resolve((resource.Properties ?? {}) as Json) as Props | undefined;
  const name = queueName(logicalId, props, ctx.stackName);
  if (attribute === 'Arn') return localArn(ctx, 'sqs', name);
  if (attribute === 'QueueName') return name;
  if (attribute === 'QueueUrl') return queueUrl(name, ctx);
  return undefined;
}

export function readQueues(app: LocalApp, accountId: string): QueueDefinition[] {
  const place = { stackName: app.stackName, region: app.region, accountId };
  return resourcesOf(app, 'AWS::SQS::Queue').map(([id, { properties: props }]) => {
    const name = queueName(id, props, app.stackName);
    const redrive = redrivePolicy(props.RedrivePolicy);
    return {
      id,
      name,
      url: queueUrl(name, place),
      arn: localArn(place, 'sqs', name),
      fifo: isTrue(props.FifoQueue),
      contentBasedDeduplication: isTrue(props.ContentBasedDeduplication),
      visibilityTimeoutSeconds: numberOr(props.VisibilityTimeout, QUEUE_DEFAULTS.visibilityTimeoutSeconds),
      delaySeconds: numberOr(props.DelaySeconds, QUEUE_DEFAULTS.delaySeconds),
      retentionSeconds: numberOr(props.MessageRetentionPeriod, QUEUE_DEFAULTS.retentionSeconds),
      maxMessageBytes: numberOr(props.MaximumMessageSize, QUEUE_DEFAULTS.maxMessageBytes),
      ...(redrive
        ? {
            deadLetterReference: redrive.target,
            redrive: { deadLetterTargetArn: redrive.target, maxReceiveCount: redrive.maxReceiveCount },
          }
        : {}),
    };
  });
}

/** The template's SQS event sources whose queue and function run locally. */
export function readEventSources(app: LocalApp, queues: readonly QueueDefinition[]): EventSourceMapping[] {
  const findQueue = (reference: Json | undefined) =>
    queues.find((q) => matchesReference(reference, q.id, q.name, q.arn, q.url));
  const mappings: EventSourceMapping[] = [];
  const add = (id: string, functionId: string | undefined, queue: Json | undefined, props: Props) => {
    const found = findQueue(queue);
    if (!functionId || !found) return;
    mappings.push({
      id,
      queueId: found.id,
      functionId,
      batchSize: numberOr(props.BatchSize, EVENT_SOURCE_DEFAULTS.batchSize),
      batchingWindowMs:
        1000 * numberOr(props.MaximumBatchingWindowInSeconds, EVENT_SOURCE_DEFAULTS.batchingWindowSeconds),
      reportBatchItemFailures: reportsBatchItemFailures(props),
      enabled: props.Enabled !== false && props.Enabled !== 'false',
    });
  };
  for (const { id, functionId, source, props } of declaredEventSources(app, 'SQS', 'Queue'))
    add(id, functionId, source, props);
  return mappings;
}

function redrivePolicy(value: Json | undefined) {
  const policy = value === undefined ? undefined : jsonValue(value);
  const { deadLetterTargetArn, maxReceiveCount } = (policy ?? {}) as Props;
  if (typeof deadLetterTargetArn !== 'string') return undefined;
  return { target: deadLetterTargetArn, maxReceiveCount: numberOr(maxReceiveCount, 10) };
}

const isTrue = (value: Json | undefined) => value === true || value === 'true';

/** `arn:aws:sqs:<region>:<account>:<name>` → its queue URL, for services that deliver to queues by ARN. */
export function queueUrlOfArn(arn: string): string {
  const [, , , region = '', accountId = '', name = ''] = arn.split(':');
  return queueUrl(name, { region, accountId, stackName: '' });
}

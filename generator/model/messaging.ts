/** Queues, topics and event buses, and the events through which they invoke functions. */
import { ModelError, show } from '../errors';
import type { Json } from '../template/types';
import { checkId, checkRange } from './check';
import { DEFAULTS } from './defaults';
import type { EventBus, EventSource, Queue, Topic } from './types';

export interface QueueProps {
  /** Should be at least six times the consumer's timeout, as AWS advises. @default 60 */
  readonly visibilityTimeoutSeconds?: number;
  /** Receives before a message moves to the dead-letter queue. @default 3 */
  readonly maxReceiveCount?: number;
  /** Topics to subscribe the queue to (raw delivery: the message arrives as published). @default none */
  readonly topics?: readonly Topic[];
}

/** A standard SQS queue, encrypted, with a dead-letter queue. */
export function queue(id: string, props: QueueProps = {}): Queue {
  const path = `queue ${show(id)}`;
  return {
    kind: 'queue',
    id: checkId(path, id),
    visibilityTimeoutSeconds: checkRange(
      `${path} visibilityTimeoutSeconds`,
      props.visibilityTimeoutSeconds ?? DEFAULTS.queueVisibilityTimeoutSeconds,
      0,
      43_200,
      'seconds',
    ),
    maxReceiveCount: checkRange(
      `${path} maxReceiveCount`,
      props.maxReceiveCount ?? DEFAULTS.queueMaxReceiveCount,
      1,
      1000,
      'receives',
    ),
    topics: props.topics ?? [],
  };
}

/** An SNS topic. */
export function topic(id: string): Topic {
  return { kind: 'topic', id: checkId(`topic ${show(id)}`, id) };
}

/** A custom EventBridge bus, so the app's events stay apart from the account's default bus. */
export function eventBus(id: string): EventBus {
  return { kind: 'eventBus', id: checkId(`event bus ${show(id)}`, id) };
}

export interface SqsEventProps {
  /** @default 10 */
  readonly batchSize?: number;
  /** @default 0 */
  readonly maximumBatchingWindowSeconds?: number;
}

/** The function reads the queue in batches and reports the items it failed, so only those are retried. */
export function sqsEvent(source: Queue, props: SqsEventProps = {}): EventSource {
  const path = `SQS event of queue ${show(source.id)}`;
  return {
    kind: 'sqs',
    queue: source,
    batchSize: checkRange(
      `${path} batchSize`,
      props.batchSize ?? DEFAULTS.sqsBatchSize,
      1,
      10_000,
      'messages',
    ),
    maximumBatchingWindowSeconds: checkRange(
      `${path} maximumBatchingWindowSeconds`,
      props.maximumBatchingWindowSeconds ?? 0,
      0,
      300,
      'seconds',
    ),
  };
}

/** The function is subscribed to the topic, optionally with a filter policy on message attributes. */
export function snsEvent(source: Topic, props: { readonly filterPolicy?: Json } = {}): EventSource {
  return { kind: 'sns', topic: source, ...(props.filterPolicy ? { filterPolicy: props.filterPolicy } : {}) };
}

/** A rule on the bus sends matching events to the function. */
export function eventBridgeEvent(bus: EventBus, pattern: Json): EventSource {
  if (
    !pattern ||
    typeof pattern !== 'object' ||
    Array.isArray(pattern) ||
    Object.keys(pattern).length === 0
  ) {
    const path = `EventBridge event of bus ${show(bus.id)}`;
    throw new ModelError('E_MODEL_VALUE', `${path}: pattern must be a non-empty event pattern object`, path);
  }
  return { kind: 'eventBridge', bus, pattern };
}

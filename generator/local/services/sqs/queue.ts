/**
 * One SQS queue as a pure state machine over an injected clock, with the semantics handlers and
 * event source mappings rely on:
 * - a received message is invisible for the visibility timeout (the queue's, or the receive's), then
 *   visible again with ApproximateReceiveCount one higher, until it is deleted;
 * - ChangeMessageVisibility restarts that timeout from now (0 makes it visible at once);
 * - DelaySeconds (the queue's, or per message on standard queues) hides a new message for a while;
 * - a RedrivePolicy moves a message to its dead-letter queue when a receive would take it past
 *   maxReceiveCount;
 * - FIFO queues hand out a message group's messages in order and never while an earlier message of
 *   the group is in flight; a deduplication id (given, or the body's SHA-256 with
 *   ContentBasedDeduplication) seen in the last five minutes accepts the send without a new message;
 * - messages older than MessageRetentionPeriod are dropped.
 * Failures are values (`SqsFailure`), in SQS's own error names; what a send must satisfy is in
 * `send-checks.ts`, and the shapes both use in `types.ts`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type MessageAttributes, md5Hex, md5OfAttributes } from './md5';
import { checkSend, sqsFailure } from './send-checks';
import type { QueueConfig, ReceivedMessage, SendInput, SendResult, SqsFailure } from './types';

export type { QueueConfig, ReceivedMessage, SendInput, SendResult } from './types';

/** SQS's defaults for a queue created with no properties. */
export const QUEUE_DEFAULTS = {
  visibilityTimeoutSeconds: 30,
  delaySeconds: 0,
  retentionSeconds: 345_600,
  maxMessageBytes: 262_144,
} as const;

const DEDUPLICATION_WINDOW_MS = 5 * 60_000;

interface StoredMessage {
  readonly id: string;
  readonly body: string;
  readonly md5: string;
  readonly attributes: MessageAttributes;
  readonly attributesMd5: string | undefined;
  readonly sentAt: number;
  readonly senderId: string;
  readonly groupId?: string;
  readonly deduplicationId?: string;
  readonly sequenceNumber?: string;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  receiptHandle?: string;
}

export type QueueObserver = (
  queue: string,
  action: 'sent' | 'received' | 'deleted' | 'dead-lettered',
  message: StoredMessage,
) => void;

export class Queue {
  private messages: StoredMessage[] = [];
  private readonly deduplication = new Map<string, { at: number; result: SendResult }>();
  private sequence = 0n;
  /** Where a message goes when it passes maxReceiveCount; set by the set of queues. */
  deadLetter?: (message: StoredMessage) => void;
  /** Told of each message sent, received, deleted or dead-lettered (the console's queue view). */
  observer?: QueueObserver;

  constructor(
    readonly config: QueueConfig,
    private readonly now: () => number,
  ) {}

  send(input: SendInput): SendResult | SqsFailure {
    const invalid = checkSend(this.config, input);
    if (invalid) return invalid;
    const now = this.now();
    const dedupId = this.config.fifo
      ? (input.deduplicationId ?? createHash('sha256').update(input.body).digest('hex'))
      : undefined;
    if (dedupId !== undefined) {
      const seen = this.deduplication.get(dedupId);
      if (seen && now - seen.at < DEDUPLICATION_WINDOW_MS) return seen.result;
    }
    const attributes = input.attributes ?? {};
    const message: StoredMessage = {
      id: randomUUID(),
      body: input.body,
      md5: md5Hex(input.body),
      attributes,
      attributesMd5: md5OfAttributes(attributes),
      sentAt: now,
      senderId: input.senderId ?? 'AIDAWSKITLOCAL000000',
      visibleAt: now + 1000 * (input.delaySeconds ?? this.config.delaySeconds),
      receiveCount: 0,
      ...(this.config.fifo
        ? {
            groupId: input.groupId,
            deduplicationId: dedupId,
            sequenceNumber: String(++this.sequence).padStart(20, '0'),
          }
        : {}),
    };
    this.messages.push(message);
    this.observer?.(this.config.name, 'sent', message);
    const result: SendResult = {
      MessageId: message.id,
      MD5OfMessageBody: message.md5,
      ...(message.attributesMd5 ? { MD5OfMessageAttributes: message.attributesMd5 } : {}),
      ...(message.sequenceNumber ? { SequenceNumber: message.sequenceNumber } : {}),
    };
    if (dedupId !== undefined) this.deduplication.set(dedupId, { at: now, result });
    return result;
  }

  /** A message moved here from another queue's redrive keeps its id, body and attributes. */
  accept(message: StoredMessage): void {
    const moved = { ...message, visibleAt: this.now(), receiveCount: 0, receiptHandle: undefined };
    this.messages.push(moved);
    this.observer?.(this.config.name, 'sent', moved);
  }

  receive(maxMessages = 1, visibilityTimeoutSeconds?: number): ReceivedMessage[] {
    const now = this.now();
    this.expire(now);
    // Messages are kept in the order they were sent: a group with a hidden message (in flight or
    // delayed) holds back its later ones.
    const busyGroups = new Set<string>();
    const taken: ReceivedMessage[] = [];
    for (const message of [...this.messages]) {
      if (taken.length >= maxMessages) break;
      if (message.visibleAt > now) {
        // In FIFO order, a group's later messages wait behind a hidden one.
        if (message.groupId !== undefined) busyGroups.add(message.groupId);
        continue;
      }
      if (message.groupId !== undefined && busyGroups.has(message.groupId)) continue;
      const redrive = this.config.redrive;
      if (redrive && this.deadLetter && message.receiveCount >= redrive.maxReceiveCount) {
        this.remove(message);
        this.observer?.(this.config.name, 'dead-lettered', message);
        this.deadLetter(message);
        continue;
      }
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.visibleAt = now + 1000 * (visibilityTimeoutSeconds ?? this.config.visibilityTimeoutSeconds);
      message.receiptHandle = `${message.id}#${randomUUID()}`;
      this.observer?.(this.config.name, 'received', message);
      taken.push(received(message));
    }
    return taken;
  }

  delete(receiptHandle: string): SqsFailure | undefined {
    const message = this.byHandle(receiptHandle);
    if (message === null) return invalidHandle(receiptHandle);
    if (message) {
      this.remove(message);
      this.observer?.(this.config.name, 'deleted', message);
    }
    return undefined;
  }

  changeVisibility(receiptHandle: string, timeoutSeconds: number): SqsFailure | undefined {
    if (!(timeoutSeconds >= 0 && timeoutSeconds <= 43_200)) {
      return sqsFailure(
        'InvalidParameterValue',
        `Value ${timeoutSeconds} for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.`,
      );
    }
    const message = this.byHandle(receiptHandle);
    if (message === null) return invalidHandle(receiptHandle);
    if (!message || message.visibleAt <= this.now()) {
      return sqsFailure('MessageNotInflight', 'The message referred to is not in flight.');
    }
    message.visibleAt = this.now() + 1000 * timeoutSeconds;
    return undefined;
  }

  purge(): void {
    this.messages = [];
  }

  /** How many messages a receive could take now (FIFO groups in flight aside). */
  visibleCount(): number {
    const now = this.now();
    let count = 0;
    for (const message of this.messages) if (message.visibleAt <= now) count += 1;
    return count;
  }

  /** When the next hidden message becomes visible (for pollers), if any. */
  nextVisibleAt(): number | undefined {
    const now = this.now();
    let next: number | undefined;
    for (const { visibleAt } of this.messages) {
      if (visibleAt > now && (next === undefined || visibleAt < next)) next = visibleAt;
    }
    return next;
  }

  attributes(): Record<string, string> {
    const now = this.now();
    this.expire(now);
    const count = (test: (m: StoredMessage) => boolean) => String(this.messages.filter(test).length);
    const { config } = this;
    return {
      QueueArn: config.arn,
      ApproximateNumberOfMessages: count((m) => m.visibleAt <= now),
      ApproximateNumberOfMessagesNotVisible: count((m) => m.visibleAt > now && m.receiveCount > 0),
      ApproximateNumberOfMessagesDelayed: count((m) => m.visibleAt > now && m.receiveCount === 0),
      VisibilityTimeout: String(config.visibilityTimeoutSeconds),
      DelaySeconds: String(config.delaySeconds),
      MessageRetentionPeriod: String(config.retentionSeconds),
      MaximumMessageSize: String(config.maxMessageBytes),
      ReceiveMessageWaitTimeSeconds: '0',
      ...(config.redrive
        ? {
            RedrivePolicy: JSON.stringify({
              deadLetterTargetArn: config.redrive.deadLetterTargetArn,
              maxReceiveCount: config.redrive.maxReceiveCount,
            }),
          }
        : {}),
      ...(config.fifo
        ? { FifoQueue: 'true', ContentBasedDeduplication: String(config.contentBasedDeduplication) }
        : {}),
    };
  }

  /** The message a handle names; undefined when it is gone; null when the handle is not one of ours. */
  private byHandle(receiptHandle: string): StoredMessage | undefined | null {
    const id = receiptHandle.split('#')[0];
    if (!id || !receiptHandle.includes('#')) return null;
    return this.messages.find((m) => m.id === id);
  }

  private remove(message: StoredMessage): void {
    this.messages = this.messages.filter((m) => m !== message);
  }

  private expire(now: number): void {
    const oldest = now - 1000 * this.config.retentionSeconds;
    if (this.messages.some((m) => m.sentAt < oldest))
      this.messages = this.messages.filter((m) => m.sentAt >= oldest);
    for (const [id, seen] of this.deduplication) {
      if (now - seen.at >= DEDUPLICATION_WINDOW_MS) this.deduplication.delete(id);
    }
  }
}

export type { StoredMessage };

const invalidHandle = (handle: string) =>
  sqsFailure('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`);

function received(message: StoredMessage): ReceivedMessage {
  const hasAttributes = Object.keys(message.attributes).length > 0;
  return {
    MessageId: message.id,
    ReceiptHandle: message.receiptHandle as string,
    Body: message.body,
    MD5OfBody: message.md5,
    ...(hasAttributes
      ? { MessageAttributes: message.attributes, MD5OfMessageAttributes: message.attributesMd5 }
      : {}),
    Attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: message.senderId,
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt),
      ...(message.groupId !== undefined
        ? {
            MessageGroupId: message.groupId,
            MessageDeduplicationId: message.deduplicationId as string,
            SequenceNumber: message.sequenceNumber as string,
          }
        : {}),
    },
  };
}

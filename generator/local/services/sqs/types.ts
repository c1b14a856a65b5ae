/** The shapes a queue, its send checks and its actions share: a queue's settings, a send, and their results. */
import type { MessageAttributes } from './md5';

export interface QueueConfig {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  readonly fifo: boolean;
  readonly contentBasedDeduplication: boolean;
  readonly visibilityTimeoutSeconds: number;
  readonly delaySeconds: number;
  readonly retentionSeconds: number;
  readonly maxMessageBytes: number;
  readonly redrive?: { readonly deadLetterTargetArn: string; readonly maxReceiveCount: number };
}

export interface SendInput {
  readonly body: string;
  readonly attributes?: MessageAttributes;
  readonly delaySeconds?: number;
  readonly groupId?: string;
  readonly deduplicationId?: string;
  /** AWS system attributes such as AWSTraceHeader; not part of the attributes' MD5. */
  readonly senderId?: string;
}

export interface SendResult {
  readonly MessageId: string;
  readonly MD5OfMessageBody: string;
  readonly MD5OfMessageAttributes?: string;
  readonly SequenceNumber?: string;
}

export interface ReceivedMessage {
  readonly MessageId: string;
  readonly ReceiptHandle: string;
  readonly Body: string;
  readonly MD5OfBody: string;
  readonly MD5OfMessageAttributes?: string;
  readonly MessageAttributes?: MessageAttributes;
  readonly Attributes: Readonly<Record<string, string>>;
}

export interface SqsFailure {
  readonly failure: true;
  /** The JSON protocol's error name: `InvalidParameterValue`, `ReceiptHandleIsInvalid`... */
  readonly code: string;
  readonly message: string;
}

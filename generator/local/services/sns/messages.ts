/**
 * The shapes SNS delivers a message in: the event a subscribed function gets (`Records[0].Sns`,
 * with `SigningCertUrl`), the JSON envelope a subscribed queue gets (with `SigningCertURL`), and,
 * for `MessageStructure: json`, the message each protocol picks (its own key, else `default`).
 */
import type { SnsAttribute } from './filter-policy';
import type { SubscriptionDefinition, TopicDefinition } from './template';

export interface Publication {
  readonly messageId: string;
  readonly topic: TopicDefinition;
  readonly message: string;
  readonly subject?: string;
  readonly structure?: string;
  readonly attributes: Readonly<Record<string, SnsAttribute>>;
  readonly groupId?: string;
  readonly deduplicationId?: string;
  /** FIFO topics number their messages, as SNS does: 20 digits, increasing per topic. */
  readonly sequenceNumber?: string;
  readonly timestamp: string;
}

/** The message a protocol gets: with `MessageStructure: json`, its own key or `default`. */
export function messageFor(publication: Publication, protocol: 'lambda' | 'sqs'): string {
  if (publication.structure !== 'json') return publication.message;
  try {
    const messages = JSON.parse(publication.message) as Record<string, unknown>;
    return String(messages[protocol] ?? messages.default ?? '');
  } catch {
    return publication.message;
  }
}

const typedAttributes = (attributes: Readonly<Record<string, SnsAttribute>>) =>
  Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [
      name,
      { Type: value.DataType, Value: value.StringValue ?? value.BinaryValue ?? '' },
    ]),
  );

/** The JSON SNS writes into a queue for a message (RawMessageDelivery off). */
export function envelope(publication: Publication) {
  const attributes = typedAttributes(publication.attributes);
  return {
    Type: 'Notification',
    MessageId: publication.messageId,
    ...(publication.sequenceNumber !== undefined ? { SequenceNumber: publication.sequenceNumber } : {}),
    TopicArn: publication.topic.arn,
    ...(publication.subject !== undefined ? { Subject: publication.subject } : {}),
    Message: messageFor(publication, 'sqs'),
    Timestamp: publication.timestamp,
    SignatureVersion: '1',
    Signature: 'EXAMPLE',
    SigningCertURL: 'EXAMPLE',
    UnsubscribeURL: 'EXAMPLE',
    ...(Object.keys(attributes).length ? { MessageAttributes: attributes } : {}),
  };
}

/** One record of the event SNS sends Lambda. */
export function lambdaRecord(publication: Publication, subscription: SubscriptionDefinition) {
  return {
    EventSource: 'aws:sns',
    EventVersion: '1.0',
    EventSubscriptionArn: subscription.arn,
    Sns: {
      Type: 'Notification',
      MessageId: publication.messageId,
      TopicArn: publication.topic.arn,
      Subject: publication.subject ?? null,
      Message: messageFor(publication, 'lambda'),
      Timestamp: publication.timestamp,
      SignatureVersion: '1',
      Signature: 'EXAMPLE',
      SigningCertUrl: 'EXAMPLE',
      UnsubscribeUrl: 'EXAMPLE',
      MessageAttributes: typedAttributes(publication.attributes),
    },
  };
}

/**
 * Topic subscriber: answers the sender of each published message through `@connections`. The
 * sender's connection id travels in the `connectionId` message attribute.
 */
import type { SNSEvent } from 'aws-lambda';
import { connectionsEndpoint, sendTo } from './shared/management-api';

export async function handler(event: SNSEvent): Promise<void> {
  const endpoint = connectionsEndpoint();
  await Promise.all(
    event.Records.map(async ({ Sns }) => {
      const connectionId = Sns.MessageAttributes.connectionId?.Value;
      if (!connectionId) throw new Error(`message ${Sns.MessageId} has no connectionId attribute`);
      const delivered = await sendTo(
        endpoint,
        connectionId,
        JSON.stringify({ published: Sns.Message, messageId: Sns.MessageId }),
      );
      if (!delivered) console.log(`connection ${connectionId} is gone; message ${Sns.MessageId} dropped`);
    }),
  );
}

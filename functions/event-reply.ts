/**
 * Rule target: answers the sender of each event through `@connections`. The event's detail holds
 * the sender's connection id and the message, as the route's PutEvents request wrote them.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { connectionsEndpoint, sendTo } from './shared/management-api';

interface MessageDetail {
  readonly connectionId: string;
  readonly message: unknown;
}

export async function handler(event: EventBridgeEvent<string, MessageDetail>): Promise<void> {
  const { connectionId, message } = event.detail;
  const delivered = await sendTo(
    connectionsEndpoint(),
    connectionId,
    JSON.stringify({ routed: message, eventId: event.id }),
  );
  if (!delivered) console.log(`connection ${connectionId} is gone; event ${event.id} dropped`);
}

/**
 * `sendmessage`: `{"action": "sendmessage", "data": ...}` sends `data` to every connection.
 * Connections that answer 410 Gone are closed already and are removed from the table.
 */
import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { connectionIds, removeConnection } from './shared/connections-table';
import { managementEndpoint, sendTo } from './shared/management-api';

export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> {
  const data = messageData(event.body);
  if (data === undefined) return { statusCode: 400, body: 'Send {"action": "sendmessage", "data": ...}' };

  const endpoint = managementEndpoint(event);
  const deliveries: Promise<void>[] = [];
  for await (const connectionId of connectionIds()) {
    deliveries.push(
      sendTo(endpoint, connectionId, data).then(async (delivered) => {
        if (!delivered) await removeConnection(connectionId);
      }),
    );
  }
  const failed = (await Promise.allSettled(deliveries)).filter((result) => result.status === 'rejected');
  for (const failure of failed)
    console.error('postToConnection failed', (failure as PromiseRejectedResult).reason);
  return { statusCode: 200 };
}

/** The message's `data` as text (strings as they are, anything else as JSON), or undefined. */
function messageData(body: string | undefined): string | undefined {
  try {
    const data = JSON.parse(body ?? '').data;
    if (data === undefined || data === null) return undefined;
    return typeof data === 'string' ? data : JSON.stringify(data);
  } catch {
    return undefined;
  }
}

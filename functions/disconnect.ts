/** `$disconnect`: forgets the connection. API Gateway sends this on a best-effort basis; TTL cleans up the rest. */
import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { removeConnection } from './shared/connections-table';

export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> {
  await removeConnection(event.requestContext.connectionId);
  return { statusCode: 200 };
}

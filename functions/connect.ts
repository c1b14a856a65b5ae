/** `$connect`: remembers the new connection so broadcasts reach it. */
import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { saveConnection } from './shared/connections-table';

export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> {
  await saveConnection(event.requestContext.connectionId);
  return { statusCode: 200 };
}

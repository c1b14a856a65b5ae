/** `$default` (two-way): answers any message no other route takes, so the sender sees it arrived. */
import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';

export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> {
  const { connectionId, routeKey, requestId } = event.requestContext;
  // What the $connect authorizer returned, if the API has one: API Gateway adds it to every event.
  const { authorizer } = event.requestContext as { authorizer?: Record<string, unknown> };
  return {
    statusCode: 200,
    body: JSON.stringify({
      message: 'success',
      routeKey,
      connectionId,
      requestId,
      received: parsed(event.body),
      ...(authorizer ? { authorizer } : {}),
    }),
  };
}

function parsed(body: string | undefined): unknown {
  try {
    return JSON.parse(body ?? '');
  } catch {
    return body ?? null;
  }
}

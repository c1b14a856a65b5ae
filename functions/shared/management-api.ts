/**
 * The `@connections` management API of the API that invoked us. Its endpoint comes from the event
 * (domain and stage), or from MANAGEMENT_API_ENDPOINT, which `wskit local` sets (and which a
 * custom domain needs too), so the same code runs on AWS and locally.
 */
import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';

const clients = new Map<string, ApiGatewayManagementApiClient>();

export function managementEndpoint(event: APIGatewayProxyWebsocketEventV2): string {
  const { domainName, stage } = event.requestContext;
  return process.env.MANAGEMENT_API_ENDPOINT ?? `https://${domainName}/${stage}`;
}

/** The endpoint for functions no WebSocket event invokes: CONNECTIONS_ENDPOINT, set by the template. */
export function connectionsEndpoint(): string {
  const endpoint = process.env.MANAGEMENT_API_ENDPOINT ?? process.env.CONNECTIONS_ENDPOINT;
  if (!endpoint) throw new Error('CONNECTIONS_ENDPOINT is not set');
  return endpoint;
}

function clientFor(endpoint: string): ApiGatewayManagementApiClient {
  let client = clients.get(endpoint);
  if (!client) {
    client = new ApiGatewayManagementApiClient({ endpoint });
    clients.set(endpoint, client);
  }
  return client;
}

/** Sends data to one client; resolves `false` when the connection is gone (410). */
export async function sendTo(endpoint: string, connectionId: string, data: string): Promise<boolean> {
  try {
    await clientFor(endpoint).send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
    return true;
  } catch (error) {
    if (
      error instanceof GoneException ||
      (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410
    ) {
      return false;
    }
    throw error;
  }
}

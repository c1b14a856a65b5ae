import {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { wordCount } from './words';

interface Note {
  readonly type: 'note';
  readonly text: string;
}

const management = new ApiGatewayManagementApiClient({ endpoint: process.env.CONNECTIONS_ENDPOINT });

/** Acknowledges a note with its word count, then sends a summary as a separate message. */
export const handler = async (event: APIGatewayProxyWebsocketEventV2): Promise<APIGatewayProxyResultV2> => {
  const note = JSON.parse(event.body ?? '{}') as Note;
  const words = wordCount(note.text);
  await management.send(
    new PostToConnectionCommand({
      ConnectionId: event.requestContext.connectionId,
      Data: JSON.stringify({ summary: note.text.slice(0, 12), words }),
    }),
  );
  return { statusCode: 200, body: JSON.stringify({ saved: true, words }) };
};

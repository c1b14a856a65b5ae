// Tells a player who scored 100 or more that the score made the board.
import {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';

const client = new ApiGatewayManagementApiClient({
  endpoint: `https://${process.env.API_ID}.execute-api.${process.env.AWS_REGION}.amazonaws.com/${process.env.STAGE}`,
});

export const handler = async (event) => {
  const { connectionId, player, points } = event.detail;
  const data = JSON.stringify({ board: player, points, kind: event['detail-type'], source: event.source });
  await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
};

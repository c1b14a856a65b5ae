// Gets the event the mapping template built, and signals everyone of the sender's team.

import {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';

const db = new DynamoDBClient({ region: process.env.AWS_REGION });
// Built from the environment, with the trailing slash many samples leave on.
const endpoint = `https://${process.env.API_ID}.execute-api.${process.env.AWS_REGION}.amazonaws.com/${process.env.STAGE}/`;
const management = new ApiGatewayManagementApiClient({ endpoint });

export const handler = async (event) => {
  const { signal } = JSON.parse(event.body);
  if (typeof signal !== 'string') throw new TypeError('signal must be a string');
  const { Items = [] } = await db.send(new ScanCommand({ TableName: process.env.TABLE_NAME }));
  const data = JSON.stringify({
    signal,
    from: event.requestContext.principal,
    team: event.requestContext.team,
    route: event.requestContext.routeKey,
  });
  for (const item of Items) {
    await management.send(new PostToConnectionCommand({ ConnectionId: item.connectionId.S, Data: data }));
  }
  return { statusCode: 200, body: 'sent' };
};

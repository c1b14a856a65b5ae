// Broadcasts a tick to every open connection: from the scheduled rule, EventBridge's scheduled
// event; from EventBridge Scheduler, the Input the schedule gives.
import {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const management = new ApiGatewayManagementApiClient({ endpoint: process.env.CALLBACK_URL });
const TABLE_NAME = process.env.TABLE_NAME;

export const handler = async (event) => {
  const tick =
    event['detail-type'] === 'Scheduled Event'
      ? { kind: 'minute', at: event.time, rule: event.resources[0] }
      : { kind: event.kind, at: event.at };
  const { Items = [] } = await db.send(
    new ScanCommand({ TableName: TABLE_NAME, ProjectionExpression: 'connectionId' }),
  );
  await Promise.all(
    Items.map(async ({ connectionId }) => {
      try {
        await management.send(
          new PostToConnectionCommand({ ConnectionId: connectionId, Data: JSON.stringify(tick) }),
        );
      } catch (err) {
        if (err.$metadata?.httpStatusCode !== 410) throw err;
        await db.send(new DeleteCommand({ TableName: TABLE_NAME, Key: { connectionId } }));
      }
    }),
  );
  return { sent: Items.length };
};

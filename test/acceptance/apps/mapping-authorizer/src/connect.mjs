// Remembers who is behind each connection.
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';

const db = new DynamoDBClient({ region: process.env.AWS_REGION });

export const handler = async (event) => {
  const { connectionId, authorizer } = event.requestContext;
  await db.send(
    new PutItemCommand({
      TableName: process.env.TABLE_NAME,
      Item: { connectionId: { S: connectionId }, name: { S: authorizer.principalId } },
    }),
  );
  return { statusCode: 200 };
};

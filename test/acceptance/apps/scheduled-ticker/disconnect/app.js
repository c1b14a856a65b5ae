// Forgets a connection that closed.
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, DeleteCommand } = require('@aws-sdk/lib-dynamodb');

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

exports.handler = async (event) => {
  await db.send(
    new DeleteCommand({
      TableName: process.env.TABLE_NAME,
      Key: { connectionId: event.requestContext.connectionId },
    }),
  );
  return { statusCode: 200 };
};

const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, PutCommand } = require('@aws-sdk/lib-dynamodb');

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

exports.handler = async (event) => {
  const name = event.queryStringParameters?.name ?? 'guest';
  await db.send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: { connectionId: event.requestContext.connectionId, name },
    }),
  );
  return { statusCode: 200 };
};

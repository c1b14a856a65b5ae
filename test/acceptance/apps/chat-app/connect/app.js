// Remembers the new connection so messages can be fanned out to it.
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, PutCommand } = require('@aws-sdk/lib-dynamodb');

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

exports.handler = async (event) => {
  try {
    await db.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: { connectionId: event.requestContext.connectionId, since: Date.now() },
      }),
    );
  } catch (err) {
    return { statusCode: 500, body: `Failed to connect: ${err.message}` };
  }
  return { statusCode: 200, body: 'Connected.' };
};

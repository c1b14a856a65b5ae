// Adds the connection to the lobby for an hour.
const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');

const db = new DynamoDBClient({ region: process.env.AWS_REGION });

exports.handler = async (event) => {
  const ttl = Math.floor(Date.now() / 1000) + 3600;
  try {
    await db.send(
      new PutItemCommand({
        TableName: process.env.TABLE_NAME,
        Item: { connectionId: { S: event.requestContext.connectionId }, ttl: { N: String(ttl) } },
      }),
    );
  } catch (err) {
    return { statusCode: 500, body: `Failed to join: ${JSON.stringify(err)}` };
  }
  return { statusCode: 200, body: 'Joined.' };
};

// Answers with the number of members and the table they are kept in.
const { DynamoDBClient, ScanCommand } = require('@aws-sdk/client-dynamodb');

const db = new DynamoDBClient({ region: process.env.AWS_REGION });

exports.handler = async () => {
  const { Count } = await db.send(new ScanCommand({ TableName: process.env.TABLE_NAME, Select: 'COUNT' }));
  return { statusCode: 200, body: JSON.stringify({ members: Count, table: process.env.TABLE_NAME }) };
};

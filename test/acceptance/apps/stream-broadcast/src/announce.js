const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, ScanCommand } = require('@aws-sdk/lib-dynamodb');
const {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} = require('@aws-sdk/client-apigatewaymanagementapi');

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const api = new ApiGatewayManagementApiClient({ endpoint: process.env.CALLBACK_URL });

exports.handler = async (event) => {
  const joined = event.Records.map((record) => record.dynamodb.NewImage.name.S);
  const { Items = [] } = await db.send(new ScanCommand({ TableName: process.env.TABLE_NAME }));
  for (const { connectionId } of Items) {
    await api.send(
      new PostToConnectionCommand({ ConnectionId: connectionId, Data: JSON.stringify({ joined }) }),
    );
  }
};

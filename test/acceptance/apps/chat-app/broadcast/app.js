// Sends the message's `data` to every open connection; forgets the ones that are gone.
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, ScanCommand, DeleteCommand } = require('@aws-sdk/lib-dynamodb');
const {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} = require('@aws-sdk/client-apigatewaymanagementapi');

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE_NAME = process.env.TABLE_NAME;

exports.handler = async (event) => {
  const { apiId, stage } = event.requestContext;
  const management = new ApiGatewayManagementApiClient({
    endpoint: `https://${apiId}.execute-api.${process.env.AWS_REGION}.amazonaws.com/${stage}`,
  });
  const { data } = JSON.parse(event.body);
  const { Items = [] } = await db.send(
    new ScanCommand({ TableName: TABLE_NAME, ProjectionExpression: 'connectionId' }),
  );
  await Promise.all(
    Items.map(async ({ connectionId }) => {
      try {
        await management.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
      } catch (err) {
        if (err.$metadata && err.$metadata.httpStatusCode === 410) {
          await db.send(new DeleteCommand({ TableName: TABLE_NAME, Key: { connectionId } }));
        } else {
          throw err;
        }
      }
    }),
  );
  return { statusCode: 200, body: 'Data sent.' };
};

// Sends each queued message back to the connection that sent it.
const {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} = require('@aws-sdk/client-apigatewaymanagementapi');

const client = new ApiGatewayManagementApiClient({ endpoint: process.env.MANAGEMENT_API_ENDPOINT });

exports.handler = async (event) => {
  await Promise.all(
    event.Records.map((record) =>
      client.send(
        new PostToConnectionCommand({
          ConnectionId: record.messageAttributes.connectionId.stringValue,
          Data: record.body,
        }),
      ),
    ),
  );
};

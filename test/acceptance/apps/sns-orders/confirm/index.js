// Confirms each published order to the connection that placed it.
const {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} = require('@aws-sdk/client-apigatewaymanagementapi');

const client = new ApiGatewayManagementApiClient({ endpoint: process.env.CALLBACK_URL });

exports.handler = async (event) => {
  for (const record of event.Records) {
    const order = JSON.parse(record.Sns.Message);
    await client.send(
      new PostToConnectionCommand({
        ConnectionId: order.connectionId,
        Data: JSON.stringify({
          confirmed: order.item,
          count: order.count,
          topic: record.Sns.TopicArn.split(':').pop(),
        }),
      }),
    );
  }
};

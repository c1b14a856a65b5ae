// Takes jobs from the queue and tells the connection that sent each one that it is done.
const {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} = require('@aws-sdk/client-apigatewaymanagementapi');

const socket = new ApiGatewayManagementApiClient({ endpoint: `https://${process.env.SOCKET_ENDPOINT}` });

exports.handler = async (event) => {
  for (const record of event.Records) {
    const connectionId = record.messageAttributes.connectionId.stringValue;
    const job = JSON.parse(record.body);
    const done = { done: job.task, group: record.attributes.MessageGroupId, source: record.eventSource };
    await socket.send(
      new PostToConnectionCommand({ ConnectionId: connectionId, Data: JSON.stringify(done) }),
    );
  }
};

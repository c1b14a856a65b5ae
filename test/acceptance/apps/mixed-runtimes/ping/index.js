exports.handler = async (event) => ({
  statusCode: 200,
  body: JSON.stringify({ pong: true, at: event.requestContext.requestTimeEpoch }),
});

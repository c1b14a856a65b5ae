// $connect and $disconnect: nothing to keep, the authorizer already decided.
export const handler = async (event) => {
  console.log(`${event.requestContext.eventType} ${event.requestContext.connectionId}`);
  return { statusCode: 200 };
};

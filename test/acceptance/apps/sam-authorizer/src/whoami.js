// Answers with what the authorizer said about this connection.
export const handler = async (event) => {
  const { authorizer = {}, routeKey, stage } = event.requestContext;
  return {
    statusCode: 200,
    body: JSON.stringify({
      user: authorizer.user,
      plan: authorizer.plan,
      principal: authorizer.principalId,
      routeKey,
      stage,
    }),
  };
};

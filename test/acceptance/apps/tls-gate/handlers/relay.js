// $connect accepts whoever the gate let in; "echo" answers with what the gate learned about them.
exports.handler = async (event) => {
  const { routeKey, authorizer } = event.requestContext;
  if (routeKey === '$connect') return { statusCode: 200 };
  const { text } = JSON.parse(event.body);
  return { statusCode: 200, body: JSON.stringify({ text, port: authorizer.port, via: authorizer.via }) };
};

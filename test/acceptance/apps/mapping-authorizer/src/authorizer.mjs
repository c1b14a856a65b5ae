// Allows tokens of the form `<team>:<name>`; the team goes to the routes as authorizer context.
export const handler = async (event) => {
  const [team, name] = (event.headers?.token ?? '').split(':');
  const effect = team && name ? 'Allow' : 'Deny';
  return {
    principalId: name ?? 'unknown',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: event.methodArn }],
    },
    context: { team: team ?? '' },
  };
};

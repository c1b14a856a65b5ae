// REQUEST authorizer: `Bearer <name>.<secret>` is allowed when the secret is the name reversed.
export const handler = async (event) => {
  const header = event.headers?.Authorization ?? event.headers?.authorization ?? '';
  const [name, secret] = header.replace(/^Bearer /, '').split('.');
  const allowed = Boolean(name) && secret === [...name].reverse().join('');
  return {
    principalId: name || 'nobody',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Action: 'execute-api:Invoke', Effect: allowed ? 'Allow' : 'Deny', Resource: event.methodArn },
      ],
    },
    context: { user: name ?? '', plan: name === 'ada' ? 'pro' : 'free' },
  };
};

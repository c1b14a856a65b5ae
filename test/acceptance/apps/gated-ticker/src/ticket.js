// A ticket is valid when it is "T-" followed by digits.
exports.handler = async (event) => {
  const ticket = event.headers['x-ticket'] ?? '';
  return {
    principalId: ticket,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Action: 'execute-api:Invoke',
          Effect: /^T-\d+$/.test(ticket) ? 'Allow' : 'Deny',
          Resource: event.methodArn,
        },
      ],
    },
  };
};

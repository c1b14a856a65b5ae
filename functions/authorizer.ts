/**
 * REQUEST authorizer for `$connect`: allows the connection when the token (the `token` query string
 * parameter or the `Authorization` header, whichever the template's IdentitySource names) equals
 * AUTH_TOKEN, compared in constant time. Replace the comparison with your own verification (a JWT
 * library, Amazon Cognito). The context returned here reaches every later event of the connection
 * as `requestContext.authorizer`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';

export async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const token = event.queryStringParameters?.token ?? header(event, 'authorization');
  const allowed = token !== undefined && matches(token, process.env.AUTH_TOKEN ?? '');
  return {
    principalId: allowed ? 'client' : 'anonymous',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Action: 'execute-api:Invoke', Effect: allowed ? 'Allow' : 'Deny', Resource: event.methodArn },
      ],
    },
    context: { authorizedAt: new Date().toISOString() },
  };
}

function header(event: APIGatewayRequestAuthorizerEvent, name: string): string | undefined {
  const found = Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return found?.[1] ?? undefined;
}

/** Equal digests of equal length: the time taken says nothing about the expected token. */
function matches(token: string, expected: string): boolean {
  if (expected.length === 0) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(token), digest(expected));
}

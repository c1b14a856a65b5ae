/**
 * REQUEST Lambda authorizers on `$connect`: identity sources must be present (else 401), the
 * function's policy must allow execute-api:Invoke (else 403); a thrown "Unauthorized" is 401.
 */
import type { Services } from '../integrations/types';
import type { LocalApp, LocalAuthorizer } from '../types';
import type { HandshakeInfo, RequestInfo } from './events';
import { requestContext } from './events';

export type AuthorizerDecision =
  | {
      readonly allowed: true;
      readonly context: Record<string, unknown>;
      /** The API key the authorizer names, for `$context.authorizer.usageIdentifierKey` selection. */
      readonly usageIdentifierKey?: string;
    }
  | { readonly allowed: false; readonly status: number };

export async function authorize(
  authorizer: LocalAuthorizer,
  info: RequestInfo,
  handshake: HandshakeInfo,
  services: Services,
): Promise<AuthorizerDecision> {
  if (!identityPresent(authorizer.identitySource, handshake)) return { allowed: false, status: 401 };
  const event = {
    type: 'REQUEST',
    methodArn: methodArn(info.app, info.routeKey),
    ...handshake,
    stageVariables: {},
    requestContext: requestContext(info),
  };
  services.log.detail(`event for authorizer ${authorizer.name}`, event);
  const outcome = await services.lambda.invoke(authorizer.functionId, event);
  if (!outcome.ok) {
    services.log.line(
      `  authorizer ${authorizer.name}: ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
    );
    return { allowed: false, status: outcome.error.errorMessage === 'Unauthorized' ? 401 : 500 };
  }
  const result = (outcome.result ?? {}) as {
    principalId?: string;
    usageIdentifierKey?: unknown;
    policyDocument?: { Statement?: { Effect?: string; Action?: string | string[] }[] };
    context?: Record<string, unknown>;
  };
  const statements = result.policyDocument?.Statement ?? [];
  const invokes = (action: string | string[] | undefined) =>
    [action ?? []].flat().some((a) => a === 'execute-api:Invoke' || a === 'execute-api:*' || a === '*');
  const allowed =
    statements.some((s) => s.Effect === 'Allow' && invokes(s.Action)) &&
    !statements.some((s) => s.Effect === 'Deny' && invokes(s.Action));
  if (!allowed) return { allowed: false, status: 403 };
  const usageIdentifierKey = result.usageIdentifierKey ?? result.context?.usageIdentifierKey;
  return {
    allowed: true,
    context: { ...result.context, principalId: result.principalId, integrationLatency: 0 },
    ...(typeof usageIdentifierKey === 'string' ? { usageIdentifierKey } : {}),
  };
}

function methodArn(app: LocalApp, routeKey: string): string {
  return `arn:aws:execute-api:${app.region}:123456789012:${app.apiId}/${app.stage}/${routeKey}`;
}

function identityPresent(sources: readonly string[], handshake: HandshakeInfo): boolean {
  return sources.every((source) => {
    const header = /^route\.request\.header\.(.+)$/i.exec(source)?.[1];
    if (header) {
      const wanted = header.toLowerCase();
      return Object.keys(handshake.headers).some((name) => name.toLowerCase() === wanted);
    }
    const query = /^route\.request\.querystring\.(.+)$/i.exec(source)?.[1];
    if (query) return handshake.queryStringParameters?.[query] !== undefined;
    return true; // stage variables and context sources are always present locally
  });
}

/** Runs a route's integration for an event of a connection; the same for `$connect`, messages and `$disconnect`. */
import { runAwsIntegration } from '../integrations/aws';
import { runLambdaProxy } from '../integrations/lambda-proxy';
import { type IntegrationResult, invalidRequestBody, type Services } from '../integrations/types';
import { runUnavailable } from '../integrations/unavailable';
import type { LocalRoute } from '../types';
import { type HandshakeInfo, lambdaEvent, type RequestInfo, vtlContext } from './events';
import { invalidBody } from './request-validation';

export function runRoute(
  route: LocalRoute,
  info: RequestInfo,
  body: string | undefined,
  services: Services,
  handshake?: HandshakeInfo,
  disconnect?: { disconnectStatusCode: number; disconnectReason: string },
): Promise<IntegrationResult> {
  const { integration } = route;
  if (integration.kind === 'unavailable') return runUnavailable(integration, route.routeKey, services);
  if (integration.kind === 'none') return Promise.resolve({ kind: 'reply', status: 200, body: undefined });
  if (route.requestValidation && body !== undefined) {
    const problem = invalidBody(route.requestValidation, body);
    if (problem !== undefined) {
      services.log.line(`  ${route.routeKey} Invalid request body: ${problem}`);
      return Promise.resolve(invalidRequestBody);
    }
  }
  if (integration.kind === 'lambda-proxy') {
    return runLambdaProxy(integration, lambdaEvent(info, body, handshake, disconnect), services);
  }
  return runAwsIntegration(
    integration,
    {
      body: body ?? '',
      context: vtlContext(info, disconnect ?? {}),
      params: { header: handshake?.headers ?? {}, querystring: handshake?.queryStringParameters ?? {} },
    },
    services,
  );
}

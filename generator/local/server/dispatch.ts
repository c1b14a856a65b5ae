/** Runs a route's integration for an event of a connection; the same for `$connect`, messages and `$disconnect`. */
import { runAwsIntegration } from '../integrations/aws';
import { runLambdaProxy } from '../integrations/lambda-proxy';
import { type IntegrationResult, internalError, type Services } from '../integrations/types';
import type { LocalRoute } from '../types';
import { type HandshakeInfo, lambdaEvent, type RequestInfo, vtlContext } from './events';

export function runRoute(
  route: LocalRoute,
  info: RequestInfo,
  body: string | undefined,
  services: Services,
  handshake?: HandshakeInfo,
  disconnect?: { disconnectStatusCode: number; disconnectReason: string },
): Promise<IntegrationResult> {
  const { integration } = route;
  if (integration.kind === 'unavailable') {
    services.log.line(`  ${integration.reason}`);
    return Promise.resolve(internalError);
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

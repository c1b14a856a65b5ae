/**
 * A route whose integration cannot run here answers as API Gateway does when an integration fails:
 * `Internal server error` (on `$connect`, a refused handshake). The reason goes to the log on every
 * call, without `--verbose`, so the developer sees why that route, and only it, fails.
 */
import type { UnavailableIntegration } from '../types';
import { type IntegrationResult, internalError, type Services } from './types';

export function runUnavailable(
  integration: UnavailableIntegration,
  routeKey: string,
  services: Services,
): Promise<IntegrationResult> {
  services.log.line(`  ${routeKey} cannot run locally: ${integration.reason}`);
  return Promise.resolve(internalError);
}

/** AWS_PROXY integrations: the event goes to the function; its `body` is the route's answer. */
import type { InvokeOutcome } from '../lambda/pool';
import type { LambdaProxyIntegration } from '../types';
import {
  type IntegrationResult,
  internalError,
  logFunctionFailure,
  type Services,
  timedOut,
  withTimeout,
} from './types';

export async function runLambdaProxy(
  integration: LambdaProxyIntegration,
  event: unknown,
  services: Services,
): Promise<IntegrationResult> {
  services.log.detail(`event for ${integration.functionId}`, event);
  const outcome = await withTimeout<InvokeOutcome | 'timeout'>(
    services.lambda.invoke(integration.functionId, event),
    integration.timeoutMs,
    'timeout' as const,
  );
  if (outcome === 'timeout') return timedOut;
  if (!outcome.ok) {
    logFunctionFailure(services, integration.functionId, outcome.error);
    return internalError;
  }
  return { kind: 'reply', ...proxyResponse(outcome.result) };
}

/** A proxy result `{statusCode, body, headers}`; a bare string or value is the body itself. */
export function proxyResponse(result: unknown): {
  status: number;
  body: string | undefined;
  headers?: Record<string, unknown>;
} {
  if (result === null || result === undefined) return { status: 200, body: undefined };
  if (typeof result === 'object' && !Array.isArray(result) && ('statusCode' in result || 'body' in result)) {
    const { statusCode, body, headers } = result as {
      statusCode?: unknown;
      body?: unknown;
      headers?: unknown;
    };
    return {
      ...(headers !== null && typeof headers === 'object'
        ? { headers: headers as Record<string, unknown> }
        : {}),
      status: typeof statusCode === 'number' ? statusCode : Number(statusCode ?? 200) || 200,
      body:
        body === undefined || body === null
          ? undefined
          : typeof body === 'string'
            ? body
            : JSON.stringify(body),
    };
  }
  return { status: 200, body: typeof result === 'string' ? result : JSON.stringify(result) };
}

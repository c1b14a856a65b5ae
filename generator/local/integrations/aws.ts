/**
 * Non-proxy integrations (AWS and MOCK): the request template turns the message into a service
 * request, the service answers, and the matching integration response (and its template) shapes
 * what a two-way route sends back. Without an integration response nothing is sent, as on AWS.
 * A form-encoded (query protocol) request sees the query protocol's answer, as API Gateway does.
 */
import { routeKeyOf } from '../server/route-selection';
import { wholeOutput } from '../services/query-output';
import { queryAnswer } from '../services/query-shapes';
import type { ServiceResponse } from '../services/types';
import type { AwsIntegration, LocalIntegrationResponse, MockIntegration } from '../types';
import type { RenderInput } from '../vtl/render';
import { decodeServiceRequest, integrationHeaders } from './aws-service';
import { passesThrough } from './passthrough';
import {
  type IntegrationResult,
  internalError,
  logFunctionFailure,
  type Services,
  timedOut,
  unsupportedMediaType,
  withTimeout,
} from './types';

export interface TemplateInput {
  readonly body: string;
  readonly context: Record<string, unknown>;
  readonly params?: RenderInput['params'];
}

export async function runAwsIntegration(
  integration: AwsIntegration | MockIntegration,
  input: TemplateInput,
  services: Services,
): Promise<IntegrationResult> {
  let request: string | undefined;
  try {
    request = renderRequest(integration, input, services);
  } catch (error) {
    services.log.line(`  request template failed: ${(error as Error).message}`);
    return internalError;
  }
  if (request === undefined) {
    services.log.line(
      `  integration ${integration.id}: no request template matches and PassthroughBehavior is ${integration.passthroughBehavior}: 415 Unsupported Media Type`,
    );
    return unsupportedMediaType;
  }
  services.log.detail('rendered request template', request);
  // At the integration timeout the call is told to stop (a synchronous execution is aborted).
  const controller = new AbortController();
  const call = callService(integration, request, input, services, controller.signal);
  const response = await withTimeout<ServiceResponse | 'no service' | null>(
    call,
    integration.timeoutMs,
    null,
  );
  if (response === 'no service') return internalError;
  if (!response) {
    controller.abort();
    return timedOut;
  }
  services.log.detail(`service response ${response.statusCode}`, response.body);
  const selected = selectResponse(integration.responses, response.statusCode);
  if (!selected) return { kind: 'reply', status: response.statusCode, body: undefined };
  const responseBody = JSON.stringify(response.body);
  const template = pickTemplate(selected.templates, selected.templateSelectionExpression, responseBody);
  if (template === undefined) return { kind: 'reply', status: response.statusCode, body: responseBody };
  try {
    const context = { ...input.context, status: response.statusCode };
    // The template reads the body the service gave as data: no need to parse the text made from it.
    const body = services.templates.get(template)({ body: responseBody, parsedBody: response.body, context });
    return { kind: 'reply', status: response.statusCode, body };
  } catch (error) {
    services.log.line(`  response template failed: ${(error as Error).message}`);
    return internalError;
  }
}

/** The rendered request; with no matching template the message itself, or undefined when refused (415). */
function renderRequest(
  integration: AwsIntegration | MockIntegration,
  input: TemplateInput,
  services: Services,
): string | undefined {
  const { requestTemplates, passthroughBehavior } = integration;
  const template = pickTemplate(requestTemplates, integration.templateSelectionExpression, input.body);
  if (template !== undefined) return services.templates.get(template)(input);
  return passesThrough(requestTemplates, passthroughBehavior) ? input.body : undefined;
}

/** The template for the key the selection expression gives (`\$default` is the literal `$default`). */
function pickTemplate(
  templates: Readonly<Record<string, string>>,
  expression: string | undefined,
  body: string,
): string | undefined {
  const literal = expression?.replace(/^\\/, '');
  const key = literal?.startsWith('$request.body.') ? routeKeyOf(literal, body) : literal;
  return (key !== undefined ? templates[key] : undefined) ?? templates.$default;
}

/** `$default`, or a `/regex/` key matched against the status code. */
function selectResponse(responses: readonly LocalIntegrationResponse[], statusCode: number) {
  const status = String(statusCode);
  const matched = responses.find((response) => statusPattern(response.key)?.test(status));
  return matched ?? responses.find((response) => response.key === '$default');
}

const statusPatterns = new Map<string, RegExp | null>();

/** `/4\d{2}/` → a RegExp for the whole status code, null for other keys; compiled once per key. */
function statusPattern(key: string): RegExp | null {
  let pattern = statusPatterns.get(key);
  if (pattern === undefined) {
    const source = /^\/(.*)\/$/.exec(key)?.[1];
    pattern = source === undefined ? null : new RegExp(`^(?:${source})$`);
    statusPatterns.set(key, pattern);
  }
  return pattern;
}

/** The service's answer; 'no service' (logged) when no running service answers the action. */
async function callService(
  integration: AwsIntegration | MockIntegration,
  request: string,
  input: TemplateInput,
  services: Services,
  signal: AbortSignal,
): Promise<ServiceResponse | 'no service'> {
  if (integration.kind === 'mock') {
    const parsed = parseRequest(request);
    return 'statusCode' in parsed ? parsed : { statusCode: Number(parsed.input.statusCode ?? 200), body: {} };
  }
  if (integration.functionId !== undefined) {
    const parsed = parseRequest(request);
    if ('statusCode' in parsed) return parsed;
    const outcome = await services.lambda.invoke(integration.functionId, parsed.input);
    if (outcome.ok) return { statusCode: 200, body: outcome.result as Record<string, unknown> };
    // The route answers with the error as Lambda reports it (status 200, as on AWS); the log says why.
    logFunctionFailure(services, integration.functionId, outcome.error);
    const { errorType, errorMessage } = outcome.error;
    return { statusCode: 200, body: { errorType, errorMessage } };
  }
  const headers = integrationHeaders(integration.requestParameters, {
    ...input.params,
    body: input.body,
    context: input.context,
  });
  const decoded = decodeServiceRequest(request, headers);
  if (!decoded.ok) return serializationError(decoded.message);
  const name =
    integration.action ?? (decoded.action ? `${integration.service}:${decoded.action}` : undefined);
  const action = name ? services.aws.action(name) : undefined;
  if (!action) {
    services.log.line(
      `  integration ${integration.id}: ${name ? `no local service answers ${name}` : 'the request names no Action'}`,
    );
    return 'no service';
  }
  const answer = await action(decoded.input, {
    signal,
    ...(integration.path !== undefined ? { path: integration.path } : {}),
  });
  // A form-encoded request speaks the query protocol: its answer comes back in that protocol's shape.
  if (!decoded.query) return answer;
  const [service, actionName] = (name as string).split(':') as [string, string];
  const result = answer.statusCode < 300 ? wholeOutput(service, actionName, answer.body) : answer.body;
  return { statusCode: answer.statusCode, body: queryAnswer(actionName, answer, result) };
}

function parseRequest(request: string): { input: Record<string, unknown> } | ServiceResponse {
  try {
    return { input: JSON.parse(request) };
  } catch (error) {
    return serializationError((error as Error).message);
  }
}

const serializationError = (message: string): ServiceResponse => ({
  statusCode: 400,
  body: { __type: 'SerializationException', message },
});

/**
 * The API's routes from the template: each route's integration (Lambda proxy, Step Functions,
 * non-proxy Lambda, MOCK), integration responses, whether it answers (a route response), authorizer.
 * A route whose integration or authorizer cannot run here gets an `unavailable` integration with the
 * reason: it fails alone, as a broken integration does on AWS, and the rest of the API runs.
 * `$connect` alone may have no integration (kind `none`), as on AWS.
 */
import { INTEGRATION_TIMEOUT_MS } from '../../api-gateway-quotas';
import type { Json, Resource, Template } from '../../template/types';
import { parseAwsServiceUri } from '../integrations/aws-service';
import { passthroughOf } from '../integrations/passthrough';
import type {
  LocalAuthorizer,
  LocalFunction,
  LocalIntegration,
  LocalIntegrationResponse,
  LocalRoute,
  UnavailableIntegration,
} from '../types';
import { loadModels, requestValidationOf } from './load-models';

type Props = Record<string, Json>;

const byType = (template: Template, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

/** The function an integration or authorizer URI points at (`.../functions/<arn>/invocations`). */
function functionOfUri(uri: Json | undefined, functions: ReadonlyMap<string, LocalFunction>) {
  const target = /functions\/(.+?)\/invocations/.exec(String(uri))?.[1];
  return target ? functionOfArn(target, functions) : undefined;
}

/**
 * API Gateway v2 also takes the function's own ARN as an AWS_PROXY IntegrationUri (`!GetAtt Fn.Arn`,
 * an alias or version ARN): the developer guide's WebSocket templates are written that way.
 */
const BARE_FUNCTION_ARN = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:/]+(?::[^:/]+)?$/;

/** The template function an ARN names, with or without a version or alias qualifier. */
function functionOfArn(target: string, functions: ReadonlyMap<string, LocalFunction>) {
  return [...functions.values()].find((fn) => target === fn.arn || target.startsWith(`${fn.arn}:`))?.id;
}

export function loadRoutes(
  template: Template,
  properties: (resource: Resource) => Props,
  functions: ReadonlyMap<string, LocalFunction>,
  /** Functions of the template that do not run here, by ARN, with why (a container image). */
  notRunnable: ReadonlyMap<string, string> = new Map(),
): Map<string, LocalRoute> {
  const integrationResponses = new Map<string, LocalIntegrationResponse[]>();
  for (const [, resource] of byType(template, 'AWS::ApiGatewayV2::IntegrationResponse')) {
    const props = properties(resource);
    const list = integrationResponses.get(String(props.IntegrationId)) ?? [];
    list.push({
      key: String(props.IntegrationResponseKey),
      templateSelectionExpression: templateSelectionOf(props),
      templates: (props.ResponseTemplates ?? {}) as Record<string, string>,
    });
    integrationResponses.set(String(props.IntegrationId), list);
  }
  const twoWayRoutes = new Set(
    byType(template, 'AWS::ApiGatewayV2::RouteResponse').map(([, r]) => String(properties(r).RouteId)),
  );
  const models = loadModels(template, properties);
  const routes = new Map<string, LocalRoute>();
  for (const [id, resource] of byType(template, 'AWS::ApiGatewayV2::Route')) {
    const props = properties(resource);
    const routeKey = String(props.RouteKey);
    const integrationId = /^integrations\/(.+)$/.exec(String(props.Target ?? ''))?.[1];
    const integrationResource = integrationId ? template.Resources[integrationId] : undefined;
    let integration =
      integrationId && integrationResource
        ? loadIntegration(
            integrationId,
            properties(integrationResource),
            functions,
            integrationResponses.get(integrationId) ?? [],
            notRunnable,
          )
        : routeKey === '$connect'
          ? ({ kind: 'none', id } as const)
          : unavailableIntegration(id, `route ${routeKey} has no integration (Target integrations/<id>)`);
    let authorizer: LocalAuthorizer | undefined;
    if (props.AuthorizationType === 'CUSTOM' && props.AuthorizerId) {
      const loaded = loadAuthorizer(String(props.AuthorizerId), template, properties, functions);
      if ('reason' in loaded) integration = unavailableIntegration(integration.id, loaded.reason);
      else authorizer = loaded;
    }
    const validation = requestValidationOf(props, models);
    if (validation && 'reason' in validation)
      integration = unavailableIntegration(integration.id, validation.reason);
    routes.set(routeKey, {
      routeKey,
      integration,
      twoWay: twoWayRoutes.has(id),
      ...(authorizer ? { authorizer } : {}),
      ...(props.AuthorizationType === 'AWS_IAM' ? { iam: true } : {}),
      ...(props.ApiKeyRequired === true || props.ApiKeyRequired === 'true' ? { apiKeyRequired: true } : {}),
      ...(validation && !('reason' in validation) ? { requestValidation: validation } : {}),
    });
  }
  return routes;
}

function loadIntegration(
  id: string,
  props: Props,
  functions: ReadonlyMap<string, LocalFunction>,
  responses: LocalIntegrationResponse[],
  notRunnable: ReadonlyMap<string, string>,
): LocalIntegration {
  const type = String(props.IntegrationType);
  const timeoutMs = Math.min(Number(props.TimeoutInMillis ?? INTEGRATION_TIMEOUT_MS), INTEGRATION_TIMEOUT_MS);
  const uri = String(props.IntegrationUri ?? '');
  const passthroughBehavior = passthroughOf(props.PassthroughBehavior);
  const templates = {
    timeoutMs,
    templateSelectionExpression: templateSelectionOf(props),
    requestTemplates: (props.RequestTemplates ?? {}) as Record<string, string>,
    ...(typeof passthroughBehavior === 'string' ? { passthroughBehavior } : {}),
    responses,
  };
  const functionId =
    functionOfUri(uri, functions) ??
    (type === 'AWS_PROXY' && BARE_FUNCTION_ARN.test(uri) ? functionOfArn(uri, functions) : undefined);
  if (type === 'AWS_PROXY' && functionId) return { kind: 'lambda-proxy', id, functionId, timeoutMs };
  if (typeof passthroughBehavior === 'object' && (type === 'AWS' || type === 'MOCK')) {
    return unavailableIntegration(id, passthroughBehavior.reason);
  }
  if (type === 'MOCK') return { kind: 'mock', id, ...templates };
  if (type === 'AWS' && functionId)
    return { kind: 'aws', id, service: 'lambda', action: 'lambda:Invoke', functionId, ...templates };
  const service = type === 'AWS' ? parseAwsServiceUri(uri) : undefined;
  if (service) {
    const requestParameters = props.RequestParameters as Record<string, string> | undefined;
    return { kind: 'aws', id, ...service, ...(requestParameters ? { requestParameters } : {}), ...templates };
  }
  const target = /functions\/(.+?)\/invocations/.exec(uri)?.[1];
  const known = [...notRunnable].find(([arn]) => target === arn || target?.startsWith(`${arn}:`));
  return unavailableIntegration(id, known?.[1] ?? whyNotLocal(type, uri, props.IntegrationUri));
}

/**
 * Without a TemplateSelectionExpression API Gateway picks templates by content type, and a WebSocket
 * message has the default one: so the key is `application/json` (then `$default`, as for any key).
 */
export const DEFAULT_CONTENT_TYPE = 'application/json';
const templateSelectionOf = (props: Props): string =>
  typeof props.TemplateSelectionExpression === 'string'
    ? props.TemplateSelectionExpression
    : DEFAULT_CONTENT_TYPE;

/** An integration that cannot run here, and why: the one shape every such route takes. */
export function unavailableIntegration(id: string, reason: string): UnavailableIntegration {
  return { kind: 'unavailable', id, reason };
}

/** Why an integration the loader does not run cannot run, in the developer's terms. */
function whyNotLocal(type: string, uri: string, rawUri: Json | undefined): string {
  if (type === 'HTTP' || type === 'HTTP_PROXY') return `${type} integrations to ${uri} do not run locally`;
  const target =
    /functions\/(.+?)\/invocations/.exec(uri)?.[1] ?? (BARE_FUNCTION_ARN.test(uri) ? uri : undefined);
  if (target) return `function ${target} is not a function of this template with its code on this machine`;
  const action = /:apigateway:[^:]*:([^:]+):action\/([^/?]+)/.exec(uri);
  if (action) return `${action[1]}:${action[2]}: no local service runs this action`;
  const path = /:apigateway:[^:]*:([^:]+):path\//.exec(uri);
  if (path) return `${path[1]} (${uri}): no local service runs this integration`;
  return `${type} integration ${JSON.stringify(rawUri ?? uri)} does not run locally`;
}

function loadAuthorizer(
  id: string,
  template: Template,
  properties: (resource: Resource) => Props,
  functions: ReadonlyMap<string, LocalFunction>,
): LocalAuthorizer | { readonly reason: string } {
  const resource = template.Resources[id];
  const props = resource ? properties(resource) : {};
  const functionId = functionOfUri(props.AuthorizerUri, functions);
  if (!functionId || props.AuthorizerType !== 'REQUEST') {
    return {
      reason: `authorizer ${id} must be a REQUEST authorizer of a template function with its code here`,
    };
  }
  const identitySource = props.IdentitySource ?? [];
  return {
    name: String(props.Name ?? id),
    functionId,
    identitySource: (Array.isArray(identitySource) ? identitySource : String(identitySource).split(',')).map(
      (s) => String(s).trim(),
    ),
  };
}

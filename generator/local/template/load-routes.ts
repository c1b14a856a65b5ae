/**
 * The API's routes from the template: each route's integration (Lambda proxy, Step Functions,
 * non-proxy Lambda, MOCK), integration responses, whether it answers (a route response), authorizer.
 */
import { INTEGRATION_TIMEOUT_MS } from '../../api-gateway-quotas';
import type { Json, Resource, Template } from '../../template/types';
import { LocalError } from '../errors';
import { parseAwsServiceUri } from '../integrations/aws-service';
import type {
  LocalAuthorizer,
  LocalFunction,
  LocalIntegration,
  LocalIntegrationResponse,
  LocalRoute,
} from '../types';

type Props = Record<string, Json>;

const byType = (template: Template, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

/** The function an integration or authorizer URI points at (`.../functions/<arn>/invocations`). */
function functionOfUri(uri: Json | undefined, functions: ReadonlyMap<string, LocalFunction>) {
  const target = /functions\/(.+?)\/invocations/.exec(String(uri))?.[1];
  if (!target) return undefined;
  return [...functions.values()].find((fn) => target === fn.arn || target.startsWith(`${fn.arn}:`))?.id;
}

export function loadRoutes(
  template: Template,
  properties: (resource: Resource) => Props,
  functions: ReadonlyMap<string, LocalFunction>,
): Map<string, LocalRoute> {
  const integrationResponses = new Map<string, LocalIntegrationResponse[]>();
  for (const [, resource] of byType(template, 'AWS::ApiGatewayV2::IntegrationResponse')) {
    const props = properties(resource);
    const list = integrationResponses.get(String(props.IntegrationId)) ?? [];
    list.push({
      key: String(props.IntegrationResponseKey),
      templateSelectionExpression: props.TemplateSelectionExpression as string | undefined,
      templates: (props.ResponseTemplates ?? {}) as Record<string, string>,
    });
    integrationResponses.set(String(props.IntegrationId), list);
  }
  const twoWayRoutes = new Set(
    byType(template, 'AWS::ApiGatewayV2::RouteResponse').map(([, r]) => String(properties(r).RouteId)),
  );
  const routes = new Map<string, LocalRoute>();
  for (const [id, resource] of byType(template, 'AWS::ApiGatewayV2::Route')) {
    const props = properties(resource);
    const routeKey = String(props.RouteKey);
    const integrationId = /^integrations\/(.+)$/.exec(String(props.Target ?? ''))?.[1];
    const integrationResource = integrationId ? template.Resources[integrationId] : undefined;
    if (!integrationId || !integrationResource) {
      throw new LocalError('E_LOCAL_ROUTE', `route ${routeKey} (${id}) has no integration to run`, id);
    }
    const integration = loadIntegration(
      integrationId,
      properties(integrationResource),
      functions,
      integrationResponses.get(integrationId) ?? [],
    );
    const authorizer =
      props.AuthorizationType === 'CUSTOM' && props.AuthorizerId
        ? loadAuthorizer(String(props.AuthorizerId), template, properties, functions)
        : undefined;
    routes.set(routeKey, {
      routeKey,
      integration,
      twoWay: twoWayRoutes.has(id),
      ...(authorizer ? { authorizer } : {}),
    });
  }
  return routes;
}

function loadIntegration(
  id: string,
  props: Props,
  functions: ReadonlyMap<string, LocalFunction>,
  responses: LocalIntegrationResponse[],
): LocalIntegration {
  const type = String(props.IntegrationType);
  const timeoutMs = Math.min(Number(props.TimeoutInMillis ?? INTEGRATION_TIMEOUT_MS), INTEGRATION_TIMEOUT_MS);
  const uri = String(props.IntegrationUri ?? '');
  const templates = {
    timeoutMs,
    templateSelectionExpression: props.TemplateSelectionExpression as string | undefined,
    requestTemplates: (props.RequestTemplates ?? {}) as Record<string, string>,
    responses,
  };
  const functionId = functionOfUri(uri, functions);
  if (type === 'AWS_PROXY' && functionId) return { kind: 'lambda-proxy', id, functionId, timeoutMs };
  if (type === 'MOCK') return { kind: 'mock', id, ...templates };
  if (type === 'AWS' && functionId)
    return { kind: 'aws', id, service: 'lambda', action: 'lambda:Invoke', functionId, ...templates };
  const service = type === 'AWS' ? parseAwsServiceUri(uri) : undefined;
  if (service) {
    const requestParameters = props.RequestParameters as Record<string, string> | undefined;
    return { kind: 'aws', id, ...service, ...(requestParameters ? { requestParameters } : {}), ...templates };
  }
  // Whether a service answers the action is known once the services run: `withRunnableRoutes`.
  return {
    kind: 'unavailable',
    id,
    reason: `integration ${id} (${type} ${uri}) cannot run locally: wskit local runs Lambda functions of the template, AWS service actions (arn:aws:apigateway:<region>:<service>:action/<Action> or path/...) and MOCK`,
  };
}

function loadAuthorizer(
  id: string,
  template: Template,
  properties: (resource: Resource) => Props,
  functions: ReadonlyMap<string, LocalFunction>,
): LocalAuthorizer {
  const resource = template.Resources[id];
  const props = resource ? properties(resource) : {};
  const functionId = functionOfUri(props.AuthorizerUri, functions);
  if (!functionId || props.AuthorizerType !== 'REQUEST') {
    throw new LocalError(
      'E_LOCAL_AUTHORIZER',
      `authorizer ${id} must be a REQUEST authorizer of a template function`,
      id,
    );
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

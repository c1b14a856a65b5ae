/**
 * `--form sam`: the API as SAM's own `AWS::Serverless::WebSocketApi` (translator 1.109+) instead of
 * the raw ApiGatewayV2 resources, for apps whose routes are all Lambda. The transform makes the
 * routes, integrations, permissions (scoped to the stage), an auto-deploying stage and the
 * authorizer. It makes no route responses, so a two-way route keeps one beside the API, pointing at
 * the route the transform names `<Api><Key>Route`; the auto-deploying stage picks it up, so no
 * Deployment has to be ordered after it.
 */
import { ModelError } from '../errors';
import type { App } from '../model/types';
import { getAtt, ref } from '../template/intrinsics';
import { routeKeyPart } from '../template/sam-websocket';
import type { Json, Resource, Template } from '../template/types';
import { API_ID, authorizerIds, functionIds, routeIds, STAGE_ID, STAGE_NAME_PARAMETER } from './ids';

/** The raw template of a Lambda-only app, with its API in SAM's form. */
export function toSamForm(app: App, raw: Template): Template {
  const fail = (message: string): never => {
    throw new ModelError('E_MODEL_FORM', `app form "sam": ${message}`, 'app.form');
  };
  const routes: Record<string, Json> = {};
  const replaced = new Set<string>([STAGE_ID]);
  const added: Record<string, Resource> = {};
  for (const route of app.routes) {
    const integration = route.integration;
    if (integration.kind !== 'lambda') {
      return fail(
        `route ${route.routeKey} is not a Lambda route; SAM's WebSocketApi runs Lambda routes only (use the raw form)`,
      );
    }
    const ids = routeIds(route);
    const samRoute = `${API_ID}${routeKeyPart(route.routeKey, (_, message) => fail(message))}Route`;
    routes[route.routeKey] = {
      FunctionArn: getAtt(functionIds(integration.function).function, 'Arn'),
      IntegrationTimeout: integration.timeoutMillis,
      ...(route.twoWay ? { RouteResponseSelectionExpression: '$default' } : {}),
    };
    for (const id of [ids.route, ids.integration, ids.permission, ids.routeResponse]) replaced.add(id);
    if (route.twoWay) {
      added[ids.routeResponse] = {
        Type: 'AWS::ApiGatewayV2::RouteResponse',
        Properties: { ApiId: ref(API_ID), RouteId: ref(samRoute), RouteResponseKey: '$default' },
      };
    }
  }
  const stage = raw.Resources[STAGE_ID]?.Properties ?? {};
  const api = raw.Resources[API_ID]?.Properties ?? {};
  const auth: Record<string, Json> = app.authorizer
    ? {
        Auth: {
          AuthType: 'CUSTOM',
          AuthArn: getAtt(functionIds(app.authorizer.function).function, 'Arn'),
          IdentitySource: [...app.authorizer.identitySource],
        },
      }
    : {};
  if (app.authorizer) {
    const ids = authorizerIds(app.authorizer);
    replaced.add(ids.authorizer).add(ids.permission);
  }
  const resources: Record<string, Resource> = {};
  for (const [id, resource] of Object.entries(raw.Resources)) {
    if (replaced.has(id) || resource.Type === 'AWS::ApiGatewayV2::Deployment') continue;
    if (id === API_ID) {
      resources[id] = {
        Type: 'AWS::Serverless::WebSocketApi',
        Properties: {
          Name: api.Name as Json,
          Description: api.Description as Json,
          RouteSelectionExpression: api.RouteSelectionExpression as Json,
          StageName: ref(STAGE_NAME_PARAMETER),
          DefaultRouteSettings: stage.DefaultRouteSettings as Json,
          AccessLogSettings: stage.AccessLogSettings as Json,
          ...auth,
          Routes: routes,
        },
      };
      Object.assign(resources, added);
      continue;
    }
    resources[id] = resource;
  }
  return { ...raw, Resources: resources, Outputs: rewriteStage(raw.Outputs ?? {}) as Template['Outputs'] };
}

/** `${Stage}` in the outputs becomes `${WebSocketApi.Stage}`, the stage the transform makes. */
function rewriteStage(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll(`\${${STAGE_ID}}`, `\${${API_ID}.Stage}`);
  if (Array.isArray(value)) return value.map(rewriteStage);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewriteStage(item)]));
  }
  return value;
}

/**
 * Each route with its integration, and for two-way routes the responses that make API Gateway
 * answer the client. Lambda routes get an invoke permission scoped to this API and route key;
 * Step Functions routes use the state machine's start role.
 */
import type { Authorizer, LambdaIntegration, Route, StepFunctionsSyncIntegration } from '../model/types';
import { getAtt, ref, sub } from '../template/intrinsics';
import type { Json, Resource } from '../template/types';
import type { ResourceCollector } from './collector';
import { API_ID, authorizerIds, ESCAPED_DEFAULT, functionIds, routeIds, stateMachineIds } from './ids';
import { addServiceIntegration } from './service-integrations';

/** Adds the route's resources; returns the ids the deployment must depend on. */
export function addRoute(out: ResourceCollector, route: Route, authorizer?: Authorizer): string[] {
  const ids = routeIds(route);
  // API Gateway authorizes $connect only: the connection's later events carry its context.
  const authorized = authorizer && route.routeKey === '$connect';
  out.add(
    ids.route,
    {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: ref(API_ID),
        RouteKey: route.routeKey,
        AuthorizationType: authorized ? 'CUSTOM' : 'NONE',
        ...(authorized ? { AuthorizerId: ref(authorizerIds(authorizer).authorizer) } : {}),
        OperationName: ids.route,
        Target: sub(`integrations/\${${ids.integration}}`),
        ...(route.twoWay ? { RouteResponseSelectionExpression: '$default' } : {}),
      },
    },
    `Route ${route.routeKey}`,
  );
  const parts = [ids.route, ids.integration];
  const integration = route.integration;
  if (integration.kind === 'lambda') addLambdaIntegration(out, route, integration);
  else if (integration.kind === 'service') addServiceIntegration(out, route, integration);
  else if (integration.kind === 'mock') addMockIntegration(out, route);
  else addStepFunctionsIntegration(out, route, integration);

  if (route.twoWay) {
    out.add(ids.routeResponse, {
      Type: 'AWS::ApiGatewayV2::RouteResponse',
      Properties: { ApiId: ref(API_ID), RouteId: ref(ids.route), RouteResponseKey: '$default' },
    });
    parts.push(ids.routeResponse);
    // Proxy integrations return the handler's body as is; AWS integrations need an integration response.
    if (integration.kind !== 'lambda') {
      addIntegrationResponse(
        out,
        route,
        integration.kind === 'mock' ? undefined : integration.responseTemplate,
      );
      parts.push(ids.integrationResponse);
    }
  } else if (route.routeKey === '$connect' && integration.kind !== 'lambda') {
    // A non-proxy $connect answers the handshake through its integration response.
    addIntegrationResponse(out, route, undefined);
    parts.push(ids.integrationResponse);
  }
  return parts;
}

function addLambdaIntegration(out: ResourceCollector, route: Route, integration: LambdaIntegration): void {
  const ids = routeIds(route);
  const fn = functionIds(integration.function).function;
  out.add(ids.integration, {
    Type: 'AWS::ApiGatewayV2::Integration',
    Properties: {
      ApiId: ref(API_ID),
      Description: `Invokes ${fn}`,
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: lambdaInvocationUri(fn),
      TimeoutInMillis: integration.timeoutMillis,
    },
  });
  // Only this API, on any stage, for this route key.
  out.add(ids.permission, apiInvokePermission(fn, `*/${route.routeKey}`));
}

/** The URI through which API Gateway invokes a function of this stack. */
export const lambdaInvocationUri = (functionId: string): Json =>
  sub(
    `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${functionId}.Arn}/invocations`,
  );

/** Lets this API invoke the function for `sourcePath` only (`<stage>/<route>`, `authorizers/<id>`). */
export const apiInvokePermission = (functionId: string, sourcePath: string): Resource => ({
  Type: 'AWS::Lambda::Permission',
  Properties: {
    Action: 'lambda:InvokeFunction',
    FunctionName: ref(functionId),
    Principal: 'apigateway.amazonaws.com',
    SourceArn: sub(
      `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${API_ID}}/${sourcePath}`,
    ),
  },
});

function addMockIntegration(out: ResourceCollector, route: Route): void {
  out.add(routeIds(route).integration, {
    Type: 'AWS::ApiGatewayV2::Integration',
    Properties: {
      ApiId: ref(API_ID),
      Description: 'Answers 200 without calling a backend',
      IntegrationType: 'MOCK',
      TemplateSelectionExpression: ESCAPED_DEFAULT,
      RequestTemplates: { $default: '{"statusCode": 200}' },
    },
  });
}

function addStepFunctionsIntegration(
  out: ResourceCollector,
  route: Route,
  integration: StepFunctionsSyncIntegration,
): void {
  const machine = stateMachineIds(integration.stateMachine);
  out.add(routeIds(route).integration, {
    Type: 'AWS::ApiGatewayV2::Integration',
    Properties: {
      ApiId: ref(API_ID),
      Description: `Starts a synchronous execution of ${machine.stateMachine}`,
      IntegrationType: 'AWS',
      IntegrationMethod: 'POST',
      IntegrationUri: sub('arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartSyncExecution'),
      CredentialsArn: getAtt(machine.startRole, 'Arn'),
      TemplateSelectionExpression: ESCAPED_DEFAULT,
      RequestTemplates: {
        $default: sub(integration.requestTemplate, { StateMachineArn: ref(machine.stateMachine) }),
      },
      TimeoutInMillis: integration.timeoutMillis,
    },
  });
}

function addIntegrationResponse(
  out: ResourceCollector,
  route: Route,
  responseTemplate: string | undefined,
): void {
  const ids = routeIds(route);
  const template: Record<string, Json> = responseTemplate
    ? { TemplateSelectionExpression: ESCAPED_DEFAULT, ResponseTemplates: { $default: responseTemplate } }
    : {};
  out.add(ids.integrationResponse, {
    Type: 'AWS::ApiGatewayV2::IntegrationResponse',
    Properties: {
      ApiId: ref(API_ID),
      IntegrationId: ref(ids.integration),
      IntegrationResponseKey: '$default',
      ...template,
    },
  });
}

/**
 * `AWS::Serverless::WebSocketApi` expanded into the raw API Gateway resources the SAM transform
 * (translator 1.109+) makes, so the emulator's loader and the linter read one shape only:
 * - the `AWS::ApiGatewayV2::Api` under the resource's own logical id;
 * - per route `<Api><Key>Route`, `<Api><Key>Integration` (AWS_PROXY to the route's FunctionArn) and
 *   `<Api><Key>Permission` (SourceArn scoped to the stage and route), where `<Key>` is the route key
 *   without `$`, first letter upper case and the rest lower case, as the translator writes it
 *   (`$connect` → `Connect`, `sendMessage` → `Sendmessage`);
 * - one Stage with AutoDeploy: `<Api>DefaultStage` for the default name `default`, `<Api><Name>Stage`
 *   for another literal name, `<Api>Stage` when the name is an intrinsic;
 * - with `Auth.AuthType: CUSTOM`, a REQUEST authorizer `<Api>ConnectAuthorizer` on `$connect` and,
 *   unless `Auth.InvokeRole` is set, its permission `<Api>AuthorizerPermission`.
 * `!Ref <Api>.Stage` (also `${<Api>.Stage}` in a Sub) becomes a reference to the Stage.
 * Like the transform, it makes no RouteResponse: a two-way route declares one beside the API.
 * Custom domains (`Domain`) are not expanded: nothing local serves them.
 */
import { TemplateError } from './errors';
import { ref, sub } from './intrinsics';
import { withGlobals } from './sam-globals';
import type { Json, Resource, Template } from './types';

export const SAM_WEBSOCKET_API = 'AWS::Serverless::WebSocketApi';
/** The stage name SAM gives a WebSocketApi without StageName. */
export const SAM_WEBSOCKET_DEFAULT_STAGE = 'default';
const SPECIAL_ROUTES = ['$connect', '$disconnect', '$default'];
const AUTH_TYPES = ['NONE', 'AWS_IAM', 'CUSTOM'];
const CREATED_BY_TAG = 'websocketapi:createdBy';

type Props = Record<string, Json>;

/** The template with every WebSocketApi replaced by what the SAM transform makes of it. */
export function expandWebSocketApis(template: Template): Template {
  const apis = Object.entries(template.Resources).filter(([, r]) => r.Type === SAM_WEBSOCKET_API);
  if (apis.length === 0) return template;
  const resources: Record<string, Resource> = {};
  const stages: Record<string, string> = {};
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (resource.Type !== SAM_WEBSOCKET_API) {
      resources[id] = resource;
      continue;
    }
    const expanded = expandWebSocketApi(id, resource, withGlobals(template, resource));
    Object.assign(resources, expanded.resources);
    stages[id] = expanded.stageId;
  }
  const { WebSocketApi: _applied, ...globals } = template.Globals ?? {};
  const expanded: Template = {
    ...template,
    Resources: rewriteStageRefs(resources, stages),
    ...(template.Outputs ? { Outputs: rewriteStageRefs(template.Outputs, stages) } : {}),
  };
  if (template.Globals) {
    if (Object.keys(globals).length > 0) expanded.Globals = globals;
    else delete expanded.Globals;
  }
  return expanded;
}

interface Expansion {
  readonly resources: Record<string, Resource>;
  readonly stageId: string;
}

function expandWebSocketApi(id: string, resource: Resource, props: Props): Expansion {
  const fail = (property: string, message: string): never => {
    const path = ['Resources', id, 'Properties', ...property.split('/')];
    throw new TemplateError('E_SAM_WEBSOCKET_API', `${id}: ${message}`, path.join('.'), path);
  };
  const routes = props.Routes;
  if (!isMap(routes) || Object.keys(routes).length === 0) {
    fail('Routes', 'Routes must map at least one route key to { FunctionArn }');
  }
  if (props.RouteSelectionExpression === undefined) {
    fail('RouteSelectionExpression', 'RouteSelectionExpression is required (e.g. $request.body.action)');
  }
  const stageName = props.StageName ?? SAM_WEBSOCKET_DEFAULT_STAGE;
  if (stageName === '$default') fail('StageName', 'a WebSocket API stage cannot be named $default');
  const auth = isMap(props.Auth) ? checkAuth(props.Auth, routes as Props, fail) : undefined;

  const passthrough = pick(resource as unknown as Props, [
    'Condition',
    'DeletionPolicy',
    'UpdateReplacePolicy',
  ]);
  const make = (type: string, properties: Props, extra: Props = {}): Resource =>
    ({ Type: type, ...passthrough, ...extra, Properties: compact(properties) }) as Resource;
  const out: Record<string, Resource> = {};
  out[id] = make(
    'AWS::ApiGatewayV2::Api',
    {
      Name: props.Name ?? id,
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: props.RouteSelectionExpression as Json,
      ApiKeySelectionExpression: props.ApiKeySelectionExpression,
      Description: props.Description,
      DisableExecuteApiEndpoint: props.DisableExecuteApiEndpoint,
      DisableSchemaValidation: props.DisableSchemaValidation,
      IpAddressType: props.IpAddressType,
      Tags: { ...(isMap(props.Tags) ? props.Tags : {}), [CREATED_BY_TAG]: 'SAM' },
    },
    pick(resource as unknown as Props, ['DependsOn', 'Metadata']),
  );

  const routeIds: string[] = [];
  for (const [routeKey, spec] of Object.entries(routes as Props)) {
    if (!isMap(spec) || spec.FunctionArn === undefined) {
      fail(`Routes/${routeKey}`, `route ${routeKey} needs a FunctionArn`);
    }
    const route = spec as Props;
    const base = `${id}${routeKeyPart(routeKey, fail)}`;
    if (route.RequestParameters !== undefined && routeKey !== '$connect') {
      fail(
        `Routes/${routeKey}/RequestParameters`,
        'RequestParameters are only supported on the $connect route',
      );
    }
    const authorization = routeKey === '$connect' && auth ? authorizationOf(id, auth) : {};
    out[`${base}Route`] = make('AWS::ApiGatewayV2::Route', {
      ApiId: ref(id),
      RouteKey: routeKey,
      ApiKeyRequired: route.ApiKeyRequired,
      ModelSelectionExpression: route.ModelSelectionExpression,
      OperationName: route.OperationName,
      RequestModels: route.RequestModels,
      RequestParameters: route.RequestParameters,
      RouteResponseSelectionExpression: route.RouteResponseSelectionExpression,
      Target: { 'Fn::Join': ['/', ['integrations', ref(`${base}Integration`)]] },
      ...authorization,
    });
    out[`${base}Integration`] = make('AWS::ApiGatewayV2::Integration', {
      ApiId: ref(id),
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: lambdaInvocationUri(route.FunctionArn as Json),
      TimeoutInMillis: route.IntegrationTimeout,
    });
    out[`${base}Permission`] = make('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: route.FunctionArn as Json,
      Principal: 'apigateway.amazonaws.com',
      SourceArn: routeSourceArn(id, stageName, routeKey),
    });
    routeIds.push(`${base}Route`);
  }

  const stageId =
    stageName === SAM_WEBSOCKET_DEFAULT_STAGE
      ? `${id}DefaultStage`
      : `${id}${typeof stageName === 'string' ? stageName : ''}Stage`;
  out[stageId] = make(
    'AWS::ApiGatewayV2::Stage',
    {
      ApiId: ref(id),
      StageName: stageName,
      StageVariables: props.StageVariables,
      AccessLogSettings: props.AccessLogSettings,
      DefaultRouteSettings: props.DefaultRouteSettings,
      RouteSettings: props.RouteSettings,
      Tags: { [CREATED_BY_TAG]: 'SAM' },
      AutoDeploy: true,
    },
    // Settings for named routes need those routes to exist first.
    props.RouteSettings !== undefined ? { DependsOn: routeIds } : {},
  );

  if (auth?.AuthType === 'CUSTOM') {
    out[`${id}ConnectAuthorizer`] = make('AWS::ApiGatewayV2::Authorizer', {
      ApiId: ref(id),
      AuthorizerType: 'REQUEST',
      AuthorizerUri: lambdaInvocationUri(auth.AuthArn as Json),
      AuthorizerCredentialsArn: auth.InvokeRole,
      IdentitySource: auth.IdentitySource,
      Name: auth.Name ?? `${id}ConnectAuthorizer`,
    });
    if (auth.InvokeRole === undefined) {
      out[`${id}AuthorizerPermission`] = make('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: auth.AuthArn as Json,
        Principal: 'apigateway.amazonaws.com',
        SourceArn: sub(
          'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*',
          {
            __ApiId__: ref(id),
          },
        ),
      });
    }
  }
  return { resources: out, stageId };
}

type Fail = (property: string, message: string) => never;

/** The Auth block as the transform checks it. */
function checkAuth(auth: Props, routes: Props, fail: Fail): Props {
  const type = typeof auth.AuthType === 'string' ? auth.AuthType.toUpperCase() : undefined;
  if (!type || !AUTH_TYPES.includes(type)) {
    fail(
      'Auth/AuthType',
      `Auth.AuthType must be ${AUTH_TYPES.join(', ')} (got ${JSON.stringify(auth.AuthType)})`,
    );
  }
  if (!('$connect' in routes)) fail('Auth', 'Auth needs a $connect route, where API Gateway authorizes');
  if (type === 'CUSTOM' && auth.AuthArn === undefined) fail('Auth/AuthArn', 'AuthType CUSTOM needs AuthArn');
  if (type !== 'CUSTOM' && Object.keys(auth).length > 1) {
    fail('Auth', `AuthType ${type} takes no other Auth property`);
  }
  return { ...auth, AuthType: type as string };
}

function authorizationOf(id: string, auth: Props): Props {
  if (auth.AuthType === 'CUSTOM') {
    return { AuthorizationType: 'CUSTOM', AuthorizerId: ref(`${id}ConnectAuthorizer`) };
  }
  return { AuthorizationType: auth.AuthType as Json };
}

/** `$connect` → `Connect`, `sendMessage` → `Sendmessage`; other characters are refused, as SAM does. */
export function routeKeyPart(routeKey: string, fail: Fail): string {
  const bare = SPECIAL_ROUTES.includes(routeKey) ? routeKey.slice(1) : routeKey;
  if (!/^[A-Za-z0-9]+$/.test(bare)) {
    fail(
      `Routes/${routeKey}`,
      `route key ${JSON.stringify(routeKey)} must be alphanumeric, or one of ${SPECIAL_ROUTES.join(', ')}`,
    );
  }
  return bare.charAt(0).toUpperCase() + bare.slice(1).toLowerCase();
}

const lambdaInvocationUri = (functionArn: Json): Json =>
  sub(
    'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FunctionArn}/invocations',
    {
      FunctionArn: functionArn,
    },
  );

function routeSourceArn(id: string, stageName: Json, routeKey: string): Json {
  const prefix = `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${id}.ApiId}/`;
  return typeof stageName === 'string'
    ? sub(`${prefix}${stageName}/${routeKey}`)
    : sub(`${prefix}\${__StageName__}/${routeKey}`, { __StageName__: stageName });
}

/** `{ Ref: Api.Stage }` and `${Api.Stage}` in Sub strings point at the generated Stage. */
function rewriteStageRefs<T extends object>(value: T, stages: Record<string, string>): T {
  const stageOf = (name: string) => {
    const match = /^(.+)\.Stage$/.exec(name.trim());
    return match ? stages[match[1] as string] : undefined;
  };
  const walk = (item: Json): Json => {
    if (Array.isArray(item)) return item.map(walk);
    if (!isMap(item)) return item;
    if (typeof item.Ref === 'string' && Object.keys(item).length === 1) {
      return ref(stageOf(item.Ref) ?? item.Ref);
    }
    const out: Props = {};
    for (const [key, child] of Object.entries(item)) {
      out[key] = key === 'Fn::Sub' ? rewriteSub(walk(child), stageOf) : walk(child);
    }
    return out;
  };
  return walk(value as unknown as Json) as unknown as T;
}

function rewriteSub(arg: Json, stageOf: (name: string) => string | undefined): Json {
  const text = Array.isArray(arg) ? arg[0] : arg;
  if (typeof text !== 'string') return arg;
  const rewritten = text.replace(/\$\{([^}!][^}]*)\}/g, (whole, name: string) => {
    const stage = stageOf(name);
    return stage ? `\${${stage}}` : whole;
  });
  return Array.isArray(arg) ? [rewritten, ...arg.slice(1)] : rewritten;
}

const isMap = (value: Json | undefined): value is Props =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Drops properties left undefined, as the transform omits unset ones. */
const compact = (props: Record<string, Json | undefined>): Props =>
  Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined)) as Props;

function pick(source: Props, keys: string[]): Props {
  return compact(Object.fromEntries(keys.map((key) => [key, source[key]])));
}

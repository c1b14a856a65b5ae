/**
 * What the SAM transform generates for its API types: the REST API's deployment, stage, domain,
 * usage plan and authorizer permissions; the HTTP API's stage; the WebSocket API's per-route
 * route, integration and permission (ids as template/sam-websocket.ts writes them); a GraphQL
 * API's schema, data sources, functions, resolvers, keys, cache and domain.
 */
import { routeKeyPart, SAM_WEBSOCKET_DEFAULT_STAGE } from '../../template/sam-websocket';
import type { Path } from '../types';
import { isObject } from '../values';
import { type Context, type Generated, HASH, refTarget, type SamResource, str } from './shared';

/** A WebSocket route key in a logical id (`$connect` → `Connect`); undefined for a key SAM refuses. */
function routeKeyIdPart(key: string): string | undefined {
  try {
    return routeKeyPart(key, () => {
      throw new Error(key);
    });
  } catch {
    return undefined;
  }
}
/** A REST API's stage name: its StageName, the Globals one, or `Prod` for the implicit API. */
export function stageOf(api: string, ctx: Context): string | undefined {
  const explicit = ctx.resources.find((r) => r.id === api);
  const global = ctx.globals.Api?.StageName;
  if (explicit) return str(explicit.properties.StageName ?? global);
  return api === 'ServerlessRestApi' ? (str(global) ?? 'Prod') : undefined;
}

/**
 * An API's stage: `<Api><StageName>Stage` for an alphanumeric name, `<Api>Stage<hash>` for any
 * other (an intrinsic included), as the translator's REST and HTTP generators name it.
 */
function stage(
  r: SamResource,
  ctx: Context,
  type: string,
  name: string | undefined,
  from: readonly string[],
) {
  const plain = name !== undefined && /^[A-Za-z0-9]+$/.test(name);
  pushStage(r, ctx, type, plain ? `${r.id}${name}Stage` : undefined, from);
}

function pushStage(
  r: SamResource,
  ctx: Context,
  type: string,
  id: string | undefined,
  from: readonly string[],
) {
  ctx.out.push({
    id: id ?? `${r.id}.Stage`,
    type,
    owner: r.id,
    alias: `${r.id}.Stage`,
    from: from.map((p) => [p]),
    needs: [type === 'AWS::ApiGateway::Stage' ? `${r.id}.Deployment` : r.id],
    pattern: id === undefined ? new RegExp(`^${r.id}Stage(${HASH})?$`) : undefined,
  });
}

function domain(r: SamResource, ctx: Context, type: string, v2: boolean): void {
  if (!isObject(r.properties.Domain)) return;
  const prefix = v2 ? 'ApiGatewayDomainNameV2' : 'ApiGatewayDomainName';
  ctx.out.push({
    id: `${r.id}.DomainName`,
    type,
    owner: r.id,
    alias: `${r.id}.DomainName`,
    from: [['Domain']],
    pattern: new RegExp(`^${prefix}${HASH}$`),
  });
  ctx.out.push({
    id: `${r.id}.Mapping`,
    type: v2 ? 'AWS::ApiGatewayV2::ApiMapping' : 'AWS::ApiGateway::BasePathMapping',
    owner: r.id,
    needs: [`${r.id}.DomainName`, `${r.id}.Stage`],
    pattern: new RegExp(`^${r.id}[A-Za-z0-9]*${v2 ? 'ApiMapping' : 'BasePathMapping'}$`),
  });
}

function authorizerPermissions(r: SamResource, ctx: Context): void {
  const authorizers = isObject(r.properties.Auth) ? r.properties.Auth.Authorizers : undefined;
  if (!isObject(authorizers)) return;
  for (const [name, spec] of Object.entries(authorizers))
    if (isObject(spec) && spec.FunctionArn !== undefined)
      ctx.out.push({
        id: `${r.id}${name}AuthorizerPermission`,
        type: 'AWS::Lambda::Permission',
        owner: r.id,
        from: [['Auth', 'Authorizers', name]],
        needs: [r.id],
      });
}

const REST_STAGE_PROPS = [
  'StageName',
  'Variables',
  'MethodSettings',
  'AccessLogSetting',
  'CacheClusterEnabled',
].concat(['CacheClusterSize', 'CanarySetting', 'TracingEnabled', 'Description']);

export function expandRestApi(r: SamResource, ctx: Context): void {
  const name = str(r.properties.StageName ?? ctx.globals.Api?.StageName);
  ctx.out.push({
    id: `${r.id}.Deployment`,
    type: 'AWS::ApiGateway::Deployment',
    owner: r.id,
    alias: `${r.id}.Deployment`,
    needs: [r.id],
    pattern: new RegExp(`^${r.id}Deployment${HASH}$`),
  });
  stage(r, ctx, 'AWS::ApiGateway::Stage', name, REST_STAGE_PROPS);
  domain(r, ctx, 'AWS::ApiGateway::DomainName', false);
  authorizerPermissions(r, ctx);
  usagePlan(r, ctx);
}

function usagePlan(r: SamResource, ctx: Context): void {
  const plan = isObject(r.properties.Auth) ? r.properties.Auth.UsagePlan : undefined;
  if (!isObject(plan) || plan.CreateUsagePlan === 'NONE' || plan.CreateUsagePlan === undefined) return;
  const base = plan.CreateUsagePlan === 'SHARED' ? 'Serverless' : r.id;
  for (const [suffix, type] of [
    ['UsagePlan', 'AWS::ApiGateway::UsagePlan'],
    ['ApiKey', 'AWS::ApiGateway::ApiKey'],
    ['UsagePlanKey', 'AWS::ApiGateway::UsagePlanKey'],
  ] as const)
    ctx.out.push({
      id: `${base}${suffix}`,
      type,
      owner: r.id,
      alias: `${r.id}.${suffix}`,
      from: [['Auth', 'UsagePlan']],
      needs: [`${r.id}.Stage`],
    });
}

export function expandHttpApi(r: SamResource, ctx: Context): void {
  const name = str(r.properties.StageName ?? ctx.globals.HttpApi?.StageName);
  const from = ['StageName', 'StageVariables', 'AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings'];
  if (r.properties.StageName === undefined ? name === undefined : name === '$default')
    ctx.out.push({
      id: `${r.id}ApiGatewayDefaultStage`,
      type: 'AWS::ApiGatewayV2::Stage',
      owner: r.id,
      alias: `${r.id}.Stage`,
      from: from.map((p) => [p]),
      needs: [r.id],
    });
  else stage(r, ctx, 'AWS::ApiGatewayV2::Stage', name, from);
  domain(r, ctx, 'AWS::ApiGatewayV2::DomainName', true);
  authorizerPermissions(r, ctx);
}

/** The translator's WebSocketApi generator: `<Api>DefaultStage` for the default stage name `default`. */
export function expandWebSocketApi(r: SamResource, ctx: Context): void {
  const name = r.properties.StageName;
  const stageId =
    name === undefined || name === SAM_WEBSOCKET_DEFAULT_STAGE
      ? `${r.id}DefaultStage`
      : typeof name === 'string'
        ? `${r.id}${name}Stage`
        : `${r.id}Stage`;
  const settings = [
    'StageName',
    'StageVariables',
    'AccessLogSettings',
    'DefaultRouteSettings',
    'RouteSettings',
  ];
  pushStage(r, ctx, 'AWS::ApiGatewayV2::Stage', stageId, settings);
  domain(r, ctx, 'AWS::ApiGatewayV2::DomainName', true);
  const routes = r.properties.Routes;
  const routeIds: string[] = [];
  for (const key of isObject(routes) ? Object.keys(routes) : []) {
    const part = routeKeyIdPart(key);
    if (part === undefined) continue; // the transform refuses the key
    const base = `${r.id}${part}`;
    routeIds.push(`${base}Route`);
    const from: Path[] = [['Routes', key]];
    const add = (suffix: string, type: string, needs: string[]) =>
      ctx.out.push({ id: `${base}${suffix}`, type, owner: r.id, from, needs });
    // The function's ARN is in the integration's URI as well as in the permission.
    const target = isObject(routes) && isObject(routes[key]) ? refTarget(routes[key].FunctionArn) : undefined;
    add('Integration', 'AWS::ApiGatewayV2::Integration', target ? [r.id, target] : [r.id]);
    add('Route', 'AWS::ApiGatewayV2::Route', [r.id, `${base}Integration`]);
    add('Permission', 'AWS::Lambda::Permission', [r.id]);
  }
  // With RouteSettings the translator makes the stage depend on every route (DependsOn).
  const stage = ctx.out.findIndex((g) => g.id === stageId && g.owner === r.id);
  if (r.properties.RouteSettings !== undefined && stage >= 0) {
    const generated = ctx.out[stage] as Generated;
    ctx.out[stage] = { ...generated, needs: [...(generated.needs ?? []), ...routeIds] };
  }
  const auth = r.properties.Auth;
  if (!isObject(auth) || auth.AuthType !== 'CUSTOM') return;
  const generate = (id: string, type: string) =>
    ctx.out.push({ id, type, owner: r.id, from: [['Auth']], needs: [r.id] });
  generate(`${r.id}ConnectAuthorizer`, 'AWS::ApiGatewayV2::Authorizer');
  if (auth.InvokeRole === undefined) generate(`${r.id}AuthorizerPermission`, 'AWS::Lambda::Permission');
}

export function expandGraphQLApi(r: SamResource, ctx: Context): void {
  const { out } = ctx;
  const add = (id: string, type: string, from: Path, needs: string[] = [r.id]) =>
    out.push({ id, type, owner: r.id, from: [from], needs });
  out.push({
    id: `${r.id}Schema`,
    type: 'AWS::AppSync::GraphQLSchema',
    owner: r.id,
    from: [['SchemaInline'], ['SchemaUri']],
    needs: [r.id],
  });
  const sources = r.properties.DataSources;
  for (const [kind, list] of isObject(sources) ? Object.entries(sources) : [])
    for (const name of isObject(list) ? Object.keys(list) : [])
      add(`${r.id}${name}${kind}DataSource`, 'AWS::AppSync::DataSource', ['DataSources', kind, name]);
  const fns = r.properties.Functions;
  for (const name of isObject(fns) ? Object.keys(fns) : [])
    add(`${r.id}${name}`, 'AWS::AppSync::FunctionConfiguration', ['Functions', name]);
  const resolvers = r.properties.Resolvers;
  for (const [op, list] of isObject(resolvers) ? Object.entries(resolvers) : [])
    for (const name of isObject(list) ? Object.keys(list) : [])
      add(`${r.id}${op}${name}`, 'AWS::AppSync::Resolver', ['Resolvers', op, name], [r.id, `${r.id}Schema`]);
  const keys = r.properties.ApiKeys;
  for (const name of isObject(keys) ? Object.keys(keys) : [])
    add(`${r.id}${name}`, 'AWS::AppSync::ApiKey', ['ApiKeys', name]);
  if (r.properties.Cache !== undefined) add(`${r.id}ApiCache`, 'AWS::AppSync::ApiCache', ['Cache']);
  if (r.properties.DomainName !== undefined) {
    add(`${r.id}DomainName`, 'AWS::AppSync::DomainName', ['DomainName'], []);
    add(`${r.id}DomainNameApiAssociation`, 'AWS::AppSync::DomainNameApiAssociation', ['DomainName']);
  }
}

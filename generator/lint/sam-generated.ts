/**
 * What the AWS SAM transform makes of each AWS::Serverless::* resource, as the SAM developer guide's
 * "Generated AWS CloudFormation resources" pages describe it (where they and translator 1.110.0
 * disagree, the translator wins: WebSocketApi ids are `<Api>ConnectRoute`, `<Api>DefaultStage`,
 * not the guide's `<Api>connectRoute`, `<Api>defaultStage`): the CloudFormation resources it
 * generates (logical id and type), the referenceable properties that name them (`MyApi.Stage`,
 * `MyFunction.Alias`), which of the SAM resource's properties end up on which generated resource
 * (so `Events.*.Properties.RestApiId` sits on a Permission, not the function), and the edges the
 * transform adds to other resources (an API whose OpenAPI body calls the function). Pure data in,
 * data out: the linter reasons about the template as it is after the transform.
 */
import type { Path } from './types';
import { isObject, type Obj, referencesIn } from './values';

export interface Generated {
  /** Logical id after the transform; `Owner.Deployment` style when SAM adds a hash to the id. */
  readonly id: string;
  readonly type: string;
  /** The SAM resource it comes from. */
  readonly owner: string;
  /** `MyApi.Stage`: the referenceable property that resolves to it, when there is one. */
  readonly alias?: string;
  /** Property paths (under Properties) whose references move onto this resource. */
  readonly from?: readonly Path[];
  /** Resources it depends on after the transform, besides the references in `from`. */
  readonly needs?: readonly string[];
  /** A logical id SAM makes with a hash in it: `^<pattern>$` names this resource. */
  readonly pattern?: RegExp;
}

export interface SamResource {
  readonly id: string;
  readonly type: string;
  readonly properties: Obj;
}

/** The resource each SAM type becomes, under the SAM resource's own logical id (Fn::GetAtt reaches it). */
export const SAM_PRIMARY_TYPES: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::WebSocketApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::LayerVersion': 'AWS::Lambda::LayerVersion',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
  'AWS::Serverless::Application': 'AWS::CloudFormation::Stack',
  'AWS::Serverless::GraphQLApi': 'AWS::AppSync::GraphQLApi',
  'AWS::Serverless::CapacityProvider': 'AWS::Lambda::CapacityProvider',
};

/**
 * Where SAM hands a property it passes through unchanged: the first of these types that has a
 * property of the same name (`MemorySize` on the function, `DefaultRouteSettings` on the stage).
 */
export const SAM_PROPERTIES_LAND_ON: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(Object.entries(SAM_PRIMARY_TYPES).map(([sam, primary]) => [sam, [primary]])),
  'AWS::Serverless::Api': ['AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Stage'],
  'AWS::Serverless::HttpApi': ['AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage'],
  'AWS::Serverless::WebSocketApi': ['AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage'],
};

export interface SamTransform {
  readonly generated: readonly Generated[];
  /** [dependent, dependency]: edges the transform adds between resources of the template. */
  readonly edges: readonly (readonly [string, string])[];
  /** Property paths whose references SAM consumes without writing them anywhere. */
  readonly dropped: readonly { readonly owner: string; readonly path: Path }[];
}

type Globals = Readonly<Record<string, Obj>>;

/** Every resource the transform generates for a template's SAM resources, and the edges it adds. */
export function samTransform(resources: readonly SamResource[], globals: Globals = {}): SamTransform {
  const out: Generated[] = [];
  const edges: [string, string][] = [];
  const dropped: { owner: string; path: Path }[] = [];
  const ctx = { resources, globals, out, edges, dropped };
  for (const r of resources) {
    const expand = EXPANDERS[r.type];
    if (expand) expand(r, ctx);
  }
  return { generated: uniqueById(out), edges, dropped };
}

interface Context {
  readonly resources: readonly SamResource[];
  readonly globals: Globals;
  readonly out: Generated[];
  readonly edges: [string, string][];
  readonly dropped: { owner: string; path: Path }[];
}
type Expander = (r: SamResource, ctx: Context) => void;

const HASH = '[0-9a-f]{10}';
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** A WebSocket route key in a logical id: `$connect` → `Connect`, `sendMessage` → `Sendmessage`. */
const routeKeyPart = (key: string): string | undefined => {
  const bare = ['$connect', '$disconnect', '$default'].includes(key) ? key.slice(1) : key;
  return /^[A-Za-z0-9]+$/.test(bare) ? bare[0].toUpperCase() + bare.slice(1).toLowerCase() : undefined;
};
const refTarget = (v: unknown): string | undefined => {
  const refs = referencesIn(v);
  return refs.length === 1 ? refs[0].target : undefined;
};

function uniqueById(list: Generated[]): Generated[] {
  const seen = new Set<string>();
  return list.filter((g) => !seen.has(g.id) && seen.add(g.id));
}

const EXPANDERS: Readonly<Record<string, Expander>> = {
  'AWS::Serverless::Function': expandFunction,
  'AWS::Serverless::StateMachine': expandStateMachine,
  'AWS::Serverless::Api': expandRestApi,
  'AWS::Serverless::HttpApi': expandHttpApi,
  'AWS::Serverless::WebSocketApi': expandWebSocketApi,
  'AWS::Serverless::GraphQLApi': expandGraphQLApi,
  'AWS::Serverless::LayerVersion': (r, { out }) => {
    out.push({
      id: `${r.id}.Version`,
      type: 'AWS::Lambda::LayerVersion',
      owner: r.id,
      pattern: new RegExp(`^${r.id}${HASH}$`),
    });
  },
  'AWS::Serverless::Connector': (r, { out }) => {
    out.push({ id: `${r.id}Policy`, type: 'AWS::IAM::ManagedPolicy', owner: r.id, from: [[]] });
  },
};

/** The role SAM creates when a function or state machine names none. */
function role(r: SamResource, ctx: Context): void {
  if (r.properties.Role !== undefined) return;
  ctx.out.push({
    id: `${r.id}Role`,
    type: 'AWS::IAM::Role',
    owner: r.id,
    from: [['Policies'], ['PermissionsBoundary'], ['RolePath'], ['AssumeRolePolicyDocument']],
  });
  ctx.edges.push([r.id, `${r.id}Role`]);
}

/** AutoPublishAlias: a version and an alias on it. */
function alias(r: SamResource, ctx: Context, types: readonly [version: string, alias: string]): void {
  if (r.properties.AutoPublishAlias === undefined) return;
  const name = str(r.properties.AutoPublishAlias);
  const version = `${r.id}.Version`;
  ctx.out.push({
    id: version,
    type: types[0],
    owner: r.id,
    alias: version,
    needs: [r.id],
    pattern: new RegExp(`^${r.id}Version(${HASH})?$`),
    from: [['VersionDescription']],
  });
  ctx.out.push({
    id: name ? `${r.id}Alias${name}` : `${r.id}.Alias`,
    type: types[1],
    owner: r.id,
    alias: `${r.id}.Alias`,
    needs: [version],
    from: [['ProvisionedConcurrencyConfig'], ['DeploymentPreference']],
  });
}

function expandFunction(r: SamResource, ctx: Context): void {
  const { out } = ctx;
  role(r, ctx);
  alias(r, ctx, ['AWS::Lambda::Version', 'AWS::Lambda::Alias']);
  const target = r.properties.AutoPublishAlias === undefined ? r.id : `${r.id}.Alias`;
  if (isObject(r.properties.FunctionUrlConfig)) {
    out.push({
      id: `${r.id}Url`,
      type: 'AWS::Lambda::Url',
      owner: r.id,
      from: [['FunctionUrlConfig']],
      needs: [target],
    });
    if (r.properties.FunctionUrlConfig.AuthType === 'NONE')
      out.push({
        id: `${r.id}UrlPublicPermissions`,
        type: 'AWS::Lambda::Permission',
        owner: r.id,
        needs: [target],
      });
  }
  if (isObject(r.properties.EventInvokeConfig))
    out.push({
      id: `${r.id}EventInvokeConfig`,
      type: 'AWS::Lambda::EventInvokeConfig',
      owner: r.id,
      from: [['EventInvokeConfig']],
      needs: [target],
    });
  if (r.properties.DeploymentPreference !== undefined) {
    out.push({
      id: `${r.id}DeploymentGroup`,
      type: 'AWS::CodeDeploy::DeploymentGroup',
      owner: r.id,
      from: [['DeploymentPreference']],
    });
    out.push({ id: 'ServerlessDeploymentApplication', type: 'AWS::CodeDeploy::Application', owner: r.id });
    out.push({ id: 'CodeDeployServiceRole', type: 'AWS::IAM::Role', owner: r.id });
  }
  events(r, ctx, target, FUNCTION_EVENTS);
}

/** Event type → the resources it makes, named after `<Owner><Event>`. */
type EventMaker = (owner: SamResource, event: string, props: Obj, ctx: Context, target: string) => void;

function eventResource(type: string, suffix = ''): EventMaker {
  return (owner, event, _props, { out }, target) => {
    out.push({
      id: `${owner.id}${event}${suffix}`,
      type,
      owner: owner.id,
      from: [['Events', event]],
      needs: [target],
    });
  };
}

function permission(owner: SamResource, event: string, { out }: Context, target: string, suffix = ''): void {
  out.push({
    id: `${owner.id}${event}Permission${suffix}`,
    type: 'AWS::Lambda::Permission',
    owner: owner.id,
    from: [['Events', event]],
    needs: [target],
  });
}

/** References SAM uses to edit another resource (a bucket's notifications) land on none of its own. */
function drop(owner: SamResource, event: string, ctx: Context): void {
  ctx.dropped.push({ owner: owner.id, path: ['Events', event] });
}

const withPermission =
  (type: string): EventMaker =>
  (owner, event, props, ctx, target) => {
    eventResource(type)(owner, event, props, ctx, target);
    permission(owner, event, ctx, target);
  };

const ESM = eventResource('AWS::Lambda::EventSourceMapping');

const FUNCTION_EVENTS: Readonly<Record<string, EventMaker>> = {
  Api: (owner, event, props, ctx, target) => {
    const api = restApiOf(props, ctx, owner.id);
    permission(owner, event, ctx, target, stageOf(api, ctx) ?? '');
    ctx.edges.push([api, target]);
  },
  HttpApi: (owner, event, props, ctx, target) => {
    const api = httpApiOf(props, ctx, owner.id);
    permission(owner, event, ctx, target);
    ctx.edges.push([api, target]);
  },
  S3: (owner, event, props, ctx, target) => {
    permission(owner, event, ctx, target);
    drop(owner, event, ctx); // the permission names the account, not the bucket: no cycle
    const bucket = refTarget(props.Bucket);
    if (bucket) ctx.edges.push([bucket, `${owner.id}${event}Permission`]);
  },
  Cognito: (owner, event, props, ctx, target) => {
    permission(owner, event, ctx, target);
    const pool = refTarget(props.UserPool);
    if (pool) ctx.edges.push([pool, target]);
  },
  SNS: (owner, event, props, ctx, target) => {
    eventResource('AWS::SNS::Subscription')(owner, event, props, ctx, target);
    if (props.SqsSubscription === undefined || props.SqsSubscription === false) {
      permission(owner, event, ctx, target);
      return;
    }
    eventResource('AWS::SQS::Queue', 'Queue')(owner, event, props, ctx, target);
    eventResource('AWS::SQS::QueuePolicy', 'QueuePolicy')(owner, event, props, ctx, target);
    eventResource('AWS::Lambda::EventSourceMapping', 'EventSourceMapping')(owner, event, props, ctx, target);
  },
  SQS: ESM,
  Kinesis: ESM,
  DynamoDB: ESM,
  MSK: ESM,
  MQ: ESM,
  SelfManagedKafka: ESM,
  DocumentDB: ESM,
  Schedule: withPermission('AWS::Events::Rule'),
  CloudWatchEvent: withPermission('AWS::Events::Rule'),
  EventBridgeRule: withPermission('AWS::Events::Rule'),
  CloudWatchLogs: withPermission('AWS::Logs::SubscriptionFilter'),
  IoTRule: withPermission('AWS::IoT::TopicRule'),
  AlexaSkill: (owner, event, _props, ctx, target) => permission(owner, event, ctx, target),
  ScheduleV2: (owner, event, props, ctx, target) => {
    eventResource('AWS::Scheduler::Schedule')(owner, event, props, ctx, target);
    eventResource('AWS::IAM::Role', 'Role')(owner, event, props, ctx, target);
  },
};

function events(r: SamResource, ctx: Context, target: string, makers: Readonly<Record<string, EventMaker>>) {
  const list = r.properties.Events;
  if (!isObject(list)) return;
  for (const [event, spec] of Object.entries(list)) {
    if (!isObject(spec) || typeof spec.Type !== 'string') continue;
    const props = isObject(spec.Properties) ? spec.Properties : {};
    makers[spec.Type]?.(r, event, props, ctx, target);
  }
}

/** The REST API an Api event attaches to: its RestApiId, or the implicit ServerlessRestApi. */
function restApiOf(props: Obj, ctx: Context, owner: string): string {
  const named = refTarget(props.RestApiId);
  if (named) return named;
  implicitApi(ctx, owner, 'ServerlessRestApi', expandRestApi);
  return 'ServerlessRestApi';
}

function httpApiOf(props: Obj, ctx: Context, owner: string): string {
  const named = refTarget(props.ApiId);
  if (named) return named;
  implicitApi(ctx, owner, 'ServerlessHttpApi', expandHttpApi);
  return 'ServerlessHttpApi';
}

function implicitApi(ctx: Context, owner: string, id: string, expand: Expander): void {
  if (ctx.out.some((g) => g.id === id)) return;
  const type = id === 'ServerlessRestApi' ? 'AWS::ApiGateway::RestApi' : 'AWS::ApiGatewayV2::Api';
  ctx.out.push({ id, type, owner });
  const stageName = id === 'ServerlessRestApi' ? (ctx.globals.Api?.StageName ?? 'Prod') : undefined;
  expand({ id, type, properties: stageName === undefined ? {} : { StageName: stageName } }, ctx);
}

/** A REST API's stage name: its StageName, the Globals one, or `Prod` for the implicit API. */
function stageOf(api: string, ctx: Context): string | undefined {
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

function expandRestApi(r: SamResource, ctx: Context): void {
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

function expandHttpApi(r: SamResource, ctx: Context): void {
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
function expandWebSocketApi(r: SamResource, ctx: Context): void {
  const name = r.properties.StageName;
  const stageId =
    name === undefined || name === 'default'
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
  for (const key of isObject(routes) ? Object.keys(routes) : []) {
    const part = routeKeyPart(key);
    if (part === undefined) continue; // the transform refuses the key
    const base = `${r.id}${part}`;
    const from: Path[] = [['Routes', key]];
    const add = (suffix: string, type: string, needs: string[]) =>
      ctx.out.push({ id: `${base}${suffix}`, type, owner: r.id, from, needs });
    add('Integration', 'AWS::ApiGatewayV2::Integration', [r.id]);
    add('Route', 'AWS::ApiGatewayV2::Route', [r.id, `${base}Integration`]);
    add('Permission', 'AWS::Lambda::Permission', [r.id]);
  }
  const auth = r.properties.Auth;
  if (!isObject(auth) || auth.AuthType !== 'CUSTOM') return;
  const from: Path[] = [['Auth']];
  ctx.out.push({
    id: `${r.id}ConnectAuthorizer`,
    type: 'AWS::ApiGatewayV2::Authorizer',
    owner: r.id,
    from,
    needs: [r.id],
  });
  if (auth.InvokeRole === undefined)
    ctx.out.push({
      id: `${r.id}AuthorizerPermission`,
      type: 'AWS::Lambda::Permission',
      owner: r.id,
      from,
      needs: [r.id],
    });
}

function expandStateMachine(r: SamResource, ctx: Context): void {
  role(r, ctx);
  alias(r, ctx, ['AWS::StepFunctions::StateMachineVersion', 'AWS::StepFunctions::StateMachineAlias']);
  const target = r.properties.AutoPublishAlias === undefined ? r.id : `${r.id}.Alias`;
  const ruleWithRole =
    (type: string): EventMaker =>
    (owner, event, props, c, t) => {
      eventResource(type)(owner, event, props, c, t);
      eventResource('AWS::IAM::Role', 'Role')(owner, event, props, c, t);
    };
  events(r, ctx, target, {
    Api: (owner, event, props, c, t) => {
      eventResource('AWS::IAM::Role', 'Role')(owner, event, props, c, t);
      drop(owner, event, c); // RestApiId ends up in the API's own OpenAPI body
      c.edges.push([restApiOf(props, c, owner.id), `${owner.id}${event}Role`]);
    },
    Schedule: ruleWithRole('AWS::Events::Rule'),
    CloudWatchEvent: ruleWithRole('AWS::Events::Rule'),
    EventBridgeRule: ruleWithRole('AWS::Events::Rule'),
    ScheduleV2: ruleWithRole('AWS::Scheduler::Schedule'),
  });
}

function expandGraphQLApi(r: SamResource, ctx: Context): void {
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

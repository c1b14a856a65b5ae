/**
 * What the SAM transform generates for AWS::Serverless::Function and AWS::Serverless::StateMachine:
 * the role, AutoPublishAlias's version and alias, the function URL, event invoke config and
 * deployment group, and per event source the permission, rule, mapping or subscription it makes,
 * with the implicit ServerlessRestApi / ServerlessHttpApi an event without an API id creates.
 */
import { isObject, type Obj } from '../values';
import { expandHttpApi, expandRestApi, stageOf } from './apis';
import {
  alias,
  type Context,
  drop,
  ESM,
  type EventMaker,
  type Expander,
  eventResource,
  events,
  permission,
  refTarget,
  role,
  type SamResource,
  withPermission,
} from './shared';

export function expandFunction(r: SamResource, ctx: Context): void {
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

const FUNCTION_EVENTS: Readonly<Record<string, EventMaker>> = {
  Api: (owner, event, props, ctx, target) => {
    const api = restApiOf(props, ctx, owner.id);
    permission(owner, event, ctx, target, stageOf(api, ctx) ?? '');
    if (!definedByFile(api, ctx)) ctx.edges.push([api, target]);
  },
  HttpApi: (owner, event, props, ctx, target) => {
    const api = httpApiOf(props, ctx, owner.id);
    permission(owner, event, ctx, target);
    if (!definedByFile(api, ctx)) ctx.edges.push([api, target]);
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

/**
 * An API whose OpenAPI document is a file (DefinitionUri): SAM cannot add the event's path to it,
 * so the API does not come to depend on the function.
 */
function definedByFile(api: string, ctx: Context): boolean {
  return ctx.resources.some((r) => r.id === api && r.properties.DefinitionUri !== undefined);
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

export function expandStateMachine(r: SamResource, ctx: Context): void {
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

/**
 * Resolves CloudFormation intrinsics the way a deployed stack would see them, but with local stand-ins:
 * parameters take their defaults (or overrides), resources get fake but well-formed names and ARNs
 * in account 123456789012, so handlers and templates run unchanged.
 */
import { substituteSubVariables } from '../../template/intrinsics';
import type { Json, Resource, Template } from '../../template/types';
import { LocalError } from '../errors';
import { serviceOfType } from '../services/registry';
import { physicalName as standInName } from '../services/stand-ins';
import { stateMachineArn as serviceStateMachineArn } from '../services/states';
import type { StandInContext } from '../services/types';
import { placeholderValue } from './placeholders';

export const LOCAL_ACCOUNT_ID = '123456789012';

export interface ResolveContext {
  readonly template: Template;
  readonly region: string;
  readonly stackName: string;
  /** Id the API gets locally; also its `${WebSocketApi}` value. */
  readonly apiId: string;
  /** Parameter values after defaults and overrides, as strings. */
  readonly parameters: Readonly<Record<string, string>>;
  /** The stack's account, when it names one (a CDK stack's environment). @default LOCAL_ACCOUNT_ID */
  readonly accountId?: string;
  /** Values other stacks export (Outputs with Export.Name), which Fn::ImportValue reads. */
  readonly exports?: Readonly<Record<string, Json>>;
}

/** The account in ARNs and `AWS::AccountId`. */
export const accountOf = (ctx: { readonly accountId?: string }) => ctx.accountId ?? LOCAL_ACCOUNT_ID;

/** Marks a value removed by `!Ref AWS::NoValue`. */
const NO_VALUE = Symbol('AWS::NoValue');
type Resolved = Json | typeof NO_VALUE;

/**
 * Each parameter's value: its override (`--parameter-overrides`), else its Default, else a
 * placeholder of its type (listed in `placeholders`), as strings. An override outside the
 * parameter's AllowedValues fails, as CloudFormation refuses it.
 */
export function parameterValues(template: Template, overrides: Readonly<Record<string, string>>) {
  const values: Record<string, string> = {};
  const placeholders: string[] = [];
  for (const [name, parameter] of Object.entries(template.Parameters ?? {})) {
    let value = overrides[name] ?? parameter.Default;
    if (value === undefined) {
      value = placeholderValue(name, parameter);
      placeholders.push(name);
    }
    const allowed = parameter.AllowedValues?.map(String);
    if (allowed && !allowed.includes(String(value))) {
      throw new LocalError(
        'E_LOCAL_PARAMETER',
        `parameter ${name} is ${JSON.stringify(String(value))}; allowed: ${allowed.join(', ')}`,
        `Parameters.${name}`,
      );
    }
    values[name] = String(value);
  }
  return { values, placeholders };
}

/** Resolves every intrinsic in `value`; keys whose value is `AWS::NoValue` disappear. */
export function resolveValue(value: Json | undefined, ctx: ResolveContext): Json | undefined {
  if (value === undefined) return undefined;
  const resolved = resolve(value, ctx);
  return resolved === NO_VALUE ? undefined : resolved;
}

function resolve(value: Json, ctx: ResolveContext): Resolved {
  if (Array.isArray(value)) {
    return value.map((item) => resolve(item, ctx)).filter((item): item is Json => item !== NO_VALUE);
  }
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const [key] = keys as [string];
    const arg = value[key] as Json;
    if (key === 'Ref') return ref(String(arg), ctx);
    if (key === 'Condition') return evaluateCondition(String(arg), ctx);
    if (key.startsWith('Fn::')) return intrinsic(key, arg, ctx);
  }
  const out: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value)) {
    const resolved = resolve(item, ctx);
    if (resolved !== NO_VALUE) out[key] = resolved;
  }
  return out;
}

function intrinsic(name: string, arg: Json, ctx: ResolveContext): Resolved {
  const list = (n: number) => {
    if (!Array.isArray(arg) || arg.length < n)
      throw new LocalError('E_LOCAL_INTRINSIC', `${name} needs a list`);
    return arg;
  };
  switch (name) {
    case 'Fn::GetAtt': {
      const [id, attribute] = Array.isArray(arg) ? arg.map(String) : String(arg).split(/\.(.*)/s);
      return getAtt(String(id), String(attribute), ctx);
    }
    case 'Fn::Sub':
      return Array.isArray(arg)
        ? substitute(String(arg[0]), ctx, resolveValue(arg[1] ?? {}, ctx) as Record<string, Json>)
        : substitute(String(arg), ctx, {});
    case 'Fn::Join': {
      const [separator, items] = list(2);
      return (resolve(items as Json, ctx) as Json[]).map(String).join(String(separator));
    }
    case 'Fn::Select': {
      const [index, items] = list(2);
      return (resolve(items as Json, ctx) as Json[])[Number(resolve(index as Json, ctx))] ?? null;
    }
    case 'Fn::Split': {
      const [separator, text] = list(2);
      return String(resolve(text as Json, ctx)).split(String(separator));
    }
    case 'Fn::If': {
      const [condition, whenTrue, whenFalse] = list(3);
      return resolve((evaluateCondition(String(condition), ctx) ? whenTrue : whenFalse) as Json, ctx);
    }
    case 'Fn::Equals': {
      const [a, b] = list(2).map((item) => JSON.stringify(resolve(item, ctx)));
      return a === b;
    }
    case 'Fn::Not':
      return !resolve(list(1)[0] as Json, ctx);
    case 'Fn::And':
      return list(1).every((item) => resolve(item, ctx) === true);
    case 'Fn::Or':
      return list(1).some((item) => resolve(item, ctx) === true);
    case 'Fn::Base64':
      return Buffer.from(String(resolve(arg, ctx))).toString('base64');
    case 'Fn::FindInMap': {
      const [map, top, second] = list(3).map((item) => String(resolve(item, ctx)));
      const mapping = ctx.template.Mappings?.[map as string] as
        | Record<string, Record<string, Json>>
        | undefined;
      return mapping?.[top as string]?.[second as string] ?? null;
    }
    case 'Fn::GetAZs':
      return ['a', 'b', 'c'].map((zone) => `${ctx.region}${zone}`);
    case 'Fn::ImportValue': {
      // Another stack's export when it is known (a stack of the same CDK assembly), else a stand-in.
      const name = String(resolve(arg, ctx));
      return ctx.exports?.[name] ?? `imported-${name}`;
    }
    case 'Fn::ToJsonString':
      return JSON.stringify(resolve(arg, ctx));
    default:
      throw new LocalError('E_LOCAL_INTRINSIC', `${name} is not supported by wskit local`);
  }
}

/** A named condition of the template, with the parameters in `ctx`. */
export function evaluateCondition(name: string, ctx: ResolveContext): boolean {
  const condition = ctx.template.Conditions?.[name];
  if (condition === undefined) throw new LocalError('E_LOCAL_CONDITION', `condition ${name} is not defined`);
  return resolve(condition, ctx) === true;
}

function ref(name: string, ctx: ResolveContext): Resolved {
  switch (name) {
    case 'AWS::NoValue':
      return NO_VALUE;
    case 'AWS::Region':
      return ctx.region;
    case 'AWS::AccountId':
      return accountOf(ctx);
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::StackName':
      return ctx.stackName;
    case 'AWS::StackId':
      return arn(ctx, 'cloudformation', `stack/${ctx.stackName}/00000000-0000-0000-0000-000000000000`);
    case 'AWS::NotificationARNs':
      return [];
  }
  const parameter = ctx.template.Parameters?.[name];
  if (parameter) return parameterRef(name, parameter.Type, ctx);
  const alias = /^(.+)\.(Alias|Version)$/.exec(name);
  const fn = alias ? ctx.template.Resources[alias[1] as string] : undefined;
  if (alias && fn?.Type === 'AWS::Serverless::Function') {
    const qualifier = alias[2] === 'Alias' ? String(fn.Properties?.AutoPublishAlias ?? 'live') : '1';
    return `${getAtt(alias[1] as string, 'Arn', ctx)}:${qualifier}`;
  }
  return resourceRef(name, resourceNamed(name, ctx, '!Ref'), ctx);
}

/**
 * A resource of the template, or one the SAM transform generates that templates refer to: the
 * execution role `<Function>Role` of a function without a Role of its own.
 */
function resourceNamed(name: string, ctx: ResolveContext, use: string): Resource {
  const resource = ctx.template.Resources[name];
  if (resource) return resource;
  const fn = ctx.template.Resources[name.replace(/Role$/, '')];
  if (
    name.endsWith('Role') &&
    fn?.Type === 'AWS::Serverless::Function' &&
    fn.Properties?.Role === undefined
  ) {
    return { Type: 'AWS::IAM::Role' };
  }
  throw new LocalError('E_LOCAL_REF', `${use} ${name}: no parameter or resource has that name`);
}

/** A parameter's value; list types (`CommaDelimitedList`, `List<...>`) are lists. */
function parameterRef(name: string, type: string, ctx: ResolveContext): Json {
  const value = ctx.parameters[name];
  if (value === undefined) {
    throw new LocalError(
      'E_LOCAL_PARAMETER',
      `parameter ${name} has no Default: give it a value with --parameter-overrides ${name}=<value>`,
      `Parameters.${name}`,
    );
  }
  return type === 'CommaDelimitedList' || type.startsWith('List<')
    ? value.split(',').map((item) => item.trim())
    : value;
}

const arn = (ctx: ResolveContext, service: string, resource: string, separator = ':') =>
  `arn:aws:${service}:${ctx.region}:${accountOf(ctx)}${separator}${resource}`;

/** What the services' stand-ins see of the stack. */
function standInContext(ctx: ResolveContext): StandInContext {
  return {
    template: ctx.template,
    region: ctx.region,
    accountId: accountOf(ctx),
    stackName: ctx.stackName,
    resolve: (value) => resolveValue(value, ctx),
  };
}

/** Physical name a resource gets locally: its own name property, or `<stack>-<LogicalId>`. */
export function physicalName(logicalId: string, resource: Resource, ctx: ResolveContext, property?: string) {
  return standInName(logicalId, resource, standInContext(ctx), property);
}

/**
 * Ref of a resource: the stand-in of the service that runs its type; the API and its stage, which
 * the emulator itself serves; the physical name of a few types handlers read by name; else the
 * logical id (CloudFormation's Ref of most types is a physical id handlers do not parse).
 */
function resourceRef(id: string, resource: Resource, ctx: ResolveContext): Json {
  const service = serviceOfType(resource.Type);
  if (service?.ref) return service.ref(id, resource, standInContext(ctx));
  switch (resource.Type) {
    case 'AWS::ApiGatewayV2::Api':
      return ctx.apiId;
    case 'AWS::ApiGatewayV2::Stage':
      return String(resolveValue(resource.Properties?.StageName, ctx));
    case 'AWS::IAM::Role':
      return physicalName(id, resource, ctx, 'RoleName');
    case 'AWS::Logs::LogGroup':
      return physicalName(id, resource, ctx, 'LogGroupName');
    default:
      return id;
  }
}

/** The stand-in ARN of a state machine: `arn:aws:states:<region>:123456789012:stateMachine:<name>`. */
export function stateMachineArn(id: string, resource: Resource, ctx: ResolveContext): string {
  return serviceStateMachineArn(id, resource, standInContext(ctx));
}

/**
 * GetAtt: the stand-in of the service that runs the type, which must know the attribute; the
 * API's and a few other types' attributes; else `<Ref>.<Attribute>`, a visible placeholder for a
 * type wskit local does not run.
 */
function getAtt(id: string, attribute: string, ctx: ResolveContext): Json {
  const resource = resourceNamed(id, ctx, `!GetAtt ${attribute} of`);
  const service = serviceOfType(resource.Type);
  if (service) {
    const value = service.getAtt?.(id, resource, attribute, standInContext(ctx));
    if (value === undefined) {
      throw new LocalError(
        'E_LOCAL_REF',
        `!GetAtt ${id}.${attribute}: ${resource.Type} has no attribute ${attribute} in wskit local`,
        id,
      );
    }
    return value;
  }
  const name = String(resourceRef(id, resource, ctx));
  switch (`${resource.Type}.${attribute}`) {
    case 'AWS::IAM::Role.Arn':
      return `arn:aws:iam::${accountOf(ctx)}:role/${name}`;
    case 'AWS::Logs::LogGroup.Arn':
      return arn(ctx, 'logs', `log-group:${name}:*`);
    case 'AWS::ApiGatewayV2::Api.ApiEndpoint':
      return `wss://${ctx.apiId}.execute-api.${ctx.region}.amazonaws.com`;
    case 'AWS::ApiGatewayV2::Api.ApiId':
      return ctx.apiId;
    default:
      return `${name}.${attribute}`;
  }
}

/** `${Name}`, `${Resource.Attribute}` and `${!Literal}`, as CloudFormation's Fn::Sub does. */
function substitute(text: string, ctx: ResolveContext, variables: Record<string, Json>): string {
  return substituteSubVariables(text, (name, whole) => {
    const key = name.trim();
    if (key in variables) return String(variables[key]);
    if (key.includes('.') && !key.startsWith('AWS::')) {
      const [id, attribute] = key.split(/\.(.*)/s);
      return String(getAtt(id as string, attribute as string, ctx));
    }
    const value = ref(key, ctx);
    return value === NO_VALUE ? whole : String(value);
  });
}

/**
 * Reads a SAM template (or an app folder holding template.yml) and turns it into the LocalApp the
 * emulator runs: routes with their integrations, functions, state machines and tables.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve as resolvePath } from 'node:path';
import { templateInFolder } from '../../template/app-folder';
import { applyGlobals } from '../../template/sam-globals';
import { expandSimpleTables } from '../../template/sam-simple-table';
import { expandWebSocketApis } from '../../template/sam-websocket';
import type { Json, Resource, Template } from '../../template/types';
import { parseYaml } from '../../template/yaml';
import { LOCAL_DEFAULTS } from '../defaults';
import { LocalError } from '../errors';
import { routeFunctionIds } from '../route-functions';
import type { LocalApp, LocalFunction, LocalResource, LocalStateMachine, LocalTable } from '../types';
import { loadApiKeys } from './load-api-keys';
import { checkBundle, imageFunctions, loadFunctions } from './load-functions';
import { loadRoutes } from './load-routes';
import {
  evaluateCondition,
  parameterValues,
  physicalName,
  type ResolveContext,
  resolveValue,
  stateMachineArn,
} from './resolve';
import { noEchoValues } from './secrets';

export interface LoadOptions {
  /** Stage name; overrides the parameter the Stage's StageName refers to. */
  readonly stage?: string;
  readonly region?: string;
  readonly parameterOverrides?: Readonly<Record<string, string>>;
  /** @default from the app folder's name */
  readonly stackName?: string;
  /** @default LOCAL_ACCOUNT_ID */
  readonly accountId?: string;
  /** Other stacks' exports, for Fn::ImportValue. */
  readonly exports?: Readonly<Record<string, Json>>;
}

export function findTemplate(appDirOrTemplate: string): string {
  const path = resolvePath(appDirOrTemplate);
  if (!existsSync(path)) throw new LocalError('E_LOCAL_NO_TEMPLATE', `${appDirOrTemplate} does not exist`);
  if (!statSync(path).isDirectory()) return path;
  const found = templateInFolder(path);
  if (!found) throw new LocalError('E_LOCAL_NO_TEMPLATE', `no template.yml in ${appDirOrTemplate}`);
  return found;
}

export function readTemplate(file: string): Template {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LocalError('E_LOCAL_TEMPLATE', `${file} is not valid YAML: ${(error as Error).message}`);
  }
  const template = parsed as Template | null;
  if (!template || typeof template !== 'object' || typeof template.Resources !== 'object') {
    throw new LocalError('E_LOCAL_TEMPLATE', `${file} has no Resources section`);
  }
  return template;
}

export function loadApp(appDirOrTemplate: string, options: LoadOptions = {}): LocalApp {
  const file = findTemplate(appDirOrTemplate);
  return { ...appFromTemplate(readTemplate(file), dirname(file), options), templateFile: file };
}

const byType = (template: Template, ...types: string[]) =>
  Object.entries(template.Resources).filter(([, resource]) => types.includes(resource.Type));

export function appFromTemplate(source: Template, dir: string, options: LoadOptions = {}): LocalApp {
  const expanded = expandWebSocketApis(expandSimpleTables(applyGlobals(source)));
  const apis = byType(expanded, 'AWS::ApiGatewayV2::Api').filter(
    ([, api]) => api.Properties?.ProtocolType === 'WEBSOCKET',
  );
  if (apis.length !== 1) {
    throw new LocalError(
      'E_LOCAL_NO_API',
      `the template must have exactly one AWS::ApiGatewayV2::Api with ProtocolType WEBSOCKET (found ${apis.length})`,
    );
  }
  const [apiLogicalId, api] = apis[0] as [string, Resource];
  const overrides = { ...options.parameterOverrides };
  const stageResource = byType(expanded, 'AWS::ApiGatewayV2::Stage')[0]?.[1];
  const stageName = stageResource?.Properties?.StageName as Json | undefined;
  const stageParameter = (stageName as { Ref?: string } | undefined)?.Ref;
  if (options.stage && stageParameter && expanded.Parameters?.[stageParameter]) {
    overrides[stageParameter] = options.stage;
  }
  const parameters = parameterValues(expanded, overrides);
  const base: ResolveContext = {
    template: expanded,
    region: options.region ?? LOCAL_DEFAULTS.region,
    stackName: options.stackName ?? stackNameOf(dir),
    apiId: localApiId(apiLogicalId),
    parameters: parameters.values,
    ...(options.accountId ? { accountId: options.accountId } : {}),
    ...(options.exports ? { exports: options.exports } : {}),
  };
  const template = withoutFalseConditions(expanded, base);
  const ctx: ResolveContext = { ...base, template };
  const stage = options.stage ?? (stageName === undefined ? 'local' : String(resolveValue(stageName, ctx)));
  const properties = (resource: Resource) => (resolveValue(resource.Properties ?? {}, ctx) ?? {}) as Props;

  const custom = customResources(template);
  const functions = withoutProviders(loadFunctions(template, ctx, dir), custom, properties);
  const routes = loadRoutes(template, properties, functions, imageFunctions(template, ctx));
  for (const route of routes.values()) {
    for (const id of routeFunctionIds(route)) checkBundle(functions.get(id) as LocalFunction);
  }
  return {
    dir,
    apiId: ctx.apiId,
    stage,
    region: ctx.region,
    stackName: ctx.stackName,
    ...(ctx.accountId ? { accountId: ctx.accountId } : {}),
    routeSelectionExpression: String(properties(api).RouteSelectionExpression ?? '$request.body.action'),
    routes,
    functions,
    stateMachines: loadStateMachines(template, ctx, dir),
    tables: byType(template, 'AWS::DynamoDB::Table').map(
      ([id, resource]): LocalTable => ({
        id,
        name: physicalName(id, resource, ctx, 'TableName'),
        properties: properties(resource),
      }),
    ),
    resources: resolvedResources(template, properties),
    secretValues: [...noEchoValues(expanded, overrides)],
    placeholderParameters: parameters.placeholders,
    customResources: custom.map(([id, resource]) => ({ id, type: resource.Type })),
    apiKeys: loadApiKeys(template, properties(api), properties),
  };
}

/**
 * Custom resources (`Custom::*`, `AWS::CloudFormation::CustomResource`: CDK's log retention,
 * AwsCustomResource, the Provider framework) run their provider on deploy only: locally none runs,
 * and their attributes are placeholders.
 */
function customResources(template: Template): [string, Resource][] {
  return Object.entries(template.Resources).filter(
    ([, r]) => r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource',
  );
}

/**
 * The functions less the providers of custom resources (their ServiceToken): nothing invokes them
 * locally, so their code is not prepared (nor the SDK clients it imports installed).
 */
function withoutProviders(
  functions: Map<string, LocalFunction>,
  custom: readonly [string, Resource][],
  properties: (resource: Resource) => Props,
): Map<string, LocalFunction> {
  const tokens = new Set<string>();
  for (const [, resource] of custom) {
    try {
      tokens.add(String(properties(resource).ServiceToken));
    } catch (error) {
      if (!(error instanceof LocalError)) throw error; // a token wskit cannot resolve names no function here
    }
  }
  return new Map([...functions].filter(([, fn]) => !tokens.has(fn.arn)));
}

function resolvedResources(template: Template, properties: (resource: Resource) => Props) {
  const resources = new Map<string, LocalResource>();
  for (const [id, resource] of Object.entries(template.Resources)) {
    try {
      resources.set(id, { type: resource.Type, properties: properties(resource) });
    } catch (error) {
      if (!(error instanceof LocalError)) throw error;
    }
  }
  return resources;
}

type Props = Record<string, Json>;

/** Resources whose Condition is false are not created, as in a deployed stack. */
function withoutFalseConditions(template: Template, ctx: ResolveContext): Template {
  const kept = Object.entries(template.Resources).filter(
    ([, resource]) => resource.Condition === undefined || evaluateCondition(resource.Condition, ctx),
  );
  if (kept.length === Object.keys(template.Resources).length) return template;
  return { ...template, Resources: Object.fromEntries(kept) };
}

/** A stack name like CloudFormation allows: from the app folder's name. */
function stackNameOf(dir: string): string {
  const name = basename(dir)
    .replace(/[^A-Za-z0-9-]/g, '-')
    .replace(/^[^A-Za-z]+/, '');
  return name.length > 0 ? name.slice(0, 100) : 'wskit-local';
}

/** Ten lowercase characters, like a real API id, derived from the logical id so it is stable. */
export function localApiId(logicalId: string): string {
  let hash = 0;
  for (const char of logicalId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `local${hash.toString(36).padStart(5, '0').slice(-5)}`;
}

function loadStateMachines(
  template: Template,
  ctx: ResolveContext,
  dir: string,
): Map<string, LocalStateMachine> {
  const machines = new Map<string, LocalStateMachine>();
  for (const [id, resource] of byType(
    template,
    'AWS::Serverless::StateMachine',
    'AWS::StepFunctions::StateMachine',
  )) {
    const props = (resolveValue(resource.Properties ?? {}, ctx) ?? {}) as Props;
    const arn = stateMachineArn(id, resource, ctx);
    machines.set(arn, {
      id,
      arn,
      name: arn.split(':').at(-1) as string,
      type: props.Type === 'STANDARD' || props.StateMachineType === 'STANDARD' ? 'STANDARD' : 'EXPRESS',
      definition: definitionOf(id, props, dir),
      ...(typeof props.DefinitionUri === 'string'
        ? { definitionFile: resolvePath(dir, props.DefinitionUri) }
        : {}),
    });
  }
  return machines;
}

function definitionOf(id: string, props: Props, dir: string): Json {
  let text: string;
  if (typeof props.DefinitionUri === 'string') {
    const file = resolvePath(dir, props.DefinitionUri);
    if (!existsSync(file))
      throw new LocalError('E_LOCAL_DEFINITION', `${id}: DefinitionUri ${file} does not exist`, id);
    text = readFileSync(file, 'utf8');
  } else if (props.Definition !== undefined) {
    text = JSON.stringify(props.Definition);
  } else if (typeof props.DefinitionString === 'string') {
    text = props.DefinitionString;
  } else {
    throw new LocalError(
      'E_LOCAL_DEFINITION',
      `${id} has no local definition (DefinitionUri, Definition or DefinitionString)`,
      id,
    );
  }
  const substitutions = (props.DefinitionSubstitutions ?? {}) as Props;
  text = text.replace(/\$\{(\w+)\}/g, (whole, key: string) =>
    key in substitutions ? String(substitutions[key]) : whole,
  );
  try {
    return parseYaml(text) as Json;
  } catch (error) {
    throw new LocalError(
      'E_LOCAL_DEFINITION',
      `${id}: the definition is not valid JSON: ${(error as Error).message}`,
      id,
    );
  }
}

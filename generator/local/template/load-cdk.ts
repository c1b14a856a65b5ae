/**
 * A stack of a CDK cloud assembly (`cdk.out`) as the same LocalApp a SAM template makes: the stack
 * the manifest names (the one with a WebSocket API, or `--stack`), its nested stacks merged in, its
 * functions' and layers' code from their asset folders or zips, its name, region and account from
 * the manifest, and the exports of the assembly's other stacks for Fn::ImportValue.
 */
import { resolve as resolvePath } from 'node:path';
import {
  type AssemblyStack,
  assemblyOf,
  readAssembly,
  readStackTemplate,
  resourceAsset,
} from '../../template/cdk-assembly';
import type { Json, Resource, Template } from '../../template/types';
import { LOCAL_DEFAULTS } from '../defaults';
import { LocalError } from '../errors';
import type { LocalApp } from '../types';
import { appFromTemplate, type LoadOptions, loadApp, localApiId } from './load-app';
import { flattenNestedStacks } from './nested-stacks';
import { parameterValues, type ResolveContext, resolveValue } from './resolve';

export interface CdkLoadOptions extends LoadOptions {
  /** The stack to run (its name or construct path) when several have a WebSocket API. */
  readonly stack?: string;
}

/** Whether `target` is a cloud assembly or a template inside one. */
export const isCdkTarget = (target: string): boolean => assemblyOf(target) !== undefined;

/** A SAM or CloudFormation app (folder or template), or a stack of a CDK cloud assembly. */
export function loadLocalApp(target: string, options: CdkLoadOptions = {}): LocalApp {
  if (isCdkTarget(target)) return loadCdkApp(target, options);
  const { stack: _, ...samOptions } = options;
  return loadApp(target, samOptions);
}

export function loadCdkApp(target: string, options: CdkLoadOptions = {}): LocalApp {
  const dir = assemblyOf(target);
  if (!dir)
    throw new LocalError('E_LOCAL_NO_TEMPLATE', `${target} is not a CDK cloud assembly (no manifest.json)`);
  const stacks = readAssembly(dir).map((stack) => ({ stack, template: localTemplate(stack) }));
  const chosen = pickStack(target, stacks, options.stack);
  const { stack: _, ...loadOptions } = options;
  const region = chosen.stack.region ?? options.region;
  const others = stacks.filter((other) => other !== chosen);
  const app = appFromTemplate(chosen.template, chosen.stack.dir, {
    ...loadOptions,
    ...(region ? { region } : {}),
    ...(chosen.stack.account ? { accountId: chosen.stack.account } : {}),
    stackName: chosen.stack.stackName,
    exports: exportsOf(others, region ?? LOCAL_DEFAULTS.region),
  });
  return { ...app, templateFile: chosen.stack.templateFile };
}

interface LoadedStack {
  readonly stack: AssemblyStack;
  /** Nested stacks merged in, asset paths in place of S3 locations. */
  readonly template: Template;
}

/** The stack's template as the emulator reads it. */
function localTemplate(stack: AssemblyStack): Template {
  const flat = flattenNestedStacks(readStackTemplate(stack.templateFile), (_, resource) => {
    const asset = resourceAsset(resource, stack.dir);
    return asset?.kind === 'file' ? readStackTemplate(asset.path) : undefined;
  });
  return { ...flat, Resources: withLocalAssets(flat.Resources, stack.dir) };
}

/**
 * Each function's `Code` and layer's `Content` as the local path of its asset (a folder or a zip),
 * the form a template has before `aws cloudformation package`. Images stay as they are.
 */
function withLocalAssets(resources: Template['Resources'], dir: string): Template['Resources'] {
  const out: Template['Resources'] = {};
  for (const [id, resource] of Object.entries(resources)) {
    const asset = resourceAsset(resource, dir);
    const local = asset && (asset.kind === 'folder' || asset.kind === 'zip') && !asset.property.includes('.');
    out[id] =
      local && asset
        ? { ...resource, Properties: { ...resource.Properties, [asset.property]: asset.path } }
        : resource;
  }
  return out;
}

const isWebSocketApi = (r: Resource) =>
  r.Type === 'AWS::ApiGatewayV2::Api' && r.Properties?.ProtocolType === 'WEBSOCKET';
const hasWebSocketApi = (template: Template) => Object.values(template.Resources).some(isWebSocketApi);

function pickStack(target: string, stacks: LoadedStack[], wanted: string | undefined): LoadedStack {
  const names = stacks.map(({ stack }) => stack.displayName).join(', ') || 'none';
  const file = resolvePath(target);
  const byFile = stacks.find(({ stack }) => stack.templateFile === file);
  if (byFile) return byFile;
  if (file.endsWith('.json')) {
    throw new LocalError(
      'E_LOCAL_STACK',
      `${target} is not the template of a stack of the assembly (a nested stack runs with its parent); stacks: ${names}`,
    );
  }
  if (wanted !== undefined) {
    const found = stacks.find(({ stack }) =>
      [stack.stackName, stack.displayName, stack.artifactId].includes(wanted),
    );
    if (!found)
      throw new LocalError(
        'E_LOCAL_STACK',
        `--stack ${wanted}: no such stack in ${target}; stacks: ${names}`,
      );
    return found;
  }
  const withApi = stacks.filter(({ template }) => hasWebSocketApi(template));
  if (withApi.length === 1) return withApi[0] as LoadedStack;
  if (withApi.length === 0) {
    throw new LocalError(
      'E_LOCAL_STACK',
      `no stack of ${target} has a WebSocket API (AWS::ApiGatewayV2::Api, ProtocolType WEBSOCKET); stacks: ${names}`,
    );
  }
  const choices = withApi.map(({ stack }) => stack.displayName).join(', ');
  throw new LocalError(
    'E_LOCAL_STACK',
    `${withApi.length} stacks have a WebSocket API (${choices}): pick one with --stack <name>`,
  );
}

/** The values the other stacks export, as each would resolve them when run here. */
function exportsOf(stacks: readonly LoadedStack[], defaultRegion: string): Record<string, Json> {
  const exports: Record<string, Json> = {};
  for (const { stack, template } of stacks) {
    const api = Object.entries(template.Resources).find(([, r]) => isWebSocketApi(r));
    const ctx: ResolveContext = {
      template,
      region: stack.region ?? defaultRegion,
      stackName: stack.stackName,
      apiId: localApiId(api?.[0] ?? 'Api'),
      parameters: parameterValues(template, {}).values,
      ...(stack.account ? { accountId: stack.account } : {}),
    };
    for (const output of Object.values(template.Outputs ?? {})) {
      if (output.Export === undefined) continue;
      try {
        exports[String(resolveValue(output.Export.Name as Json, ctx))] =
          resolveValue(output.Value as Json, ctx) ?? null;
      } catch (error) {
        if (!(error instanceof LocalError)) throw error; // an export wskit cannot resolve stays a stand-in
      }
    }
  }
  return exports;
}

/**
 * Reads a CDK cloud assembly (`cdk.out`), the folder `cdk synth` writes: its manifest's stacks
 * (artifacts of type `aws:cloudformation:stack`, also inside the nested assemblies CDK Stages make),
 * each stack's template, environment and name, the nested stacks a template deploys, and where a
 * resource's asset is (`aws:asset:path` metadata: a folder, a `.zip`, or a Docker image's folder).
 * CDK deploys assets to S3 and ECR and rewrites nothing in the template; this metadata is how the
 * CDK CLI and SAM CLI find the code on this machine, and how wskit finds it too.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { TemplateError } from './errors';
import type { Json, Resource, Template } from './types';

export const MANIFEST_FILE = 'manifest.json';

export interface AssemblyStack {
  /** The artifact id in the manifest. */
  readonly artifactId: string;
  /** The CloudFormation stack name (`properties.stackName`, else the artifact id). */
  readonly stackName: string;
  /** The construct path CDK shows (`Prod/Chat`). */
  readonly displayName: string;
  /** Absolute path of the template. */
  readonly templateFile: string;
  /** The assembly folder holding the template and its assets. */
  readonly dir: string;
  /** Absent when the stack is environment-agnostic (`unknown-account`). */
  readonly account?: string;
  /** Absent when the stack is environment-agnostic (`unknown-region`). */
  readonly region?: string;
}

export interface NestedStackTemplate {
  /** Logical id of the `AWS::CloudFormation::Stack` resource in the parent. */
  readonly logicalId: string;
  readonly templateFile: string;
}

export interface ResourceAsset {
  /** `folder` and `zip` hold Lambda code or layer content; `image` is a Docker build context; `file` another file (a nested template). */
  readonly kind: 'folder' | 'zip' | 'image' | 'file';
  /** Absolute path of the asset. */
  readonly path: string;
  /** The property the asset fills (`Code`, `Content`, `Code.ImageUri`, `TemplateURL`). */
  readonly property: string;
}

type Props = Record<string, Json>;

const assemblyError = (message: string, path: string) => new TemplateError('E_CDK_ASSEMBLY', message, path);

/** Whether `dir` is a cloud assembly: a folder with manifest.json. */
export function isCloudAssembly(dir: string): boolean {
  return existsSync(join(dir, MANIFEST_FILE)) && statSync(dir).isDirectory();
}

/** The assembly a path belongs to: the folder itself, or the folder of a template inside one. */
export function assemblyOf(path: string): string | undefined {
  const full = resolvePath(path);
  if (!existsSync(full)) return undefined;
  const dir = statSync(full).isDirectory() ? full : dirname(full);
  return isCloudAssembly(dir) ? dir : undefined;
}

/** Every stack of the assembly in `dir`, those of nested assemblies (Stages) included, in manifest order. */
export function readAssembly(dir: string): AssemblyStack[] {
  const file = join(dir, MANIFEST_FILE);
  let manifest: { artifacts?: Record<string, Props> };
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw assemblyError(`${file} is not a cloud assembly manifest: ${(error as Error).message}`, file);
  }
  const stacks: AssemblyStack[] = [];
  for (const [artifactId, artifact] of Object.entries(manifest.artifacts ?? {})) {
    const properties = (artifact.properties ?? {}) as Props;
    if (artifact.type === 'cdk:cloud-assembly' && typeof properties.directoryName === 'string') {
      stacks.push(...readAssembly(join(dir, properties.directoryName)));
    }
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    if (typeof properties.templateFile !== 'string') {
      throw assemblyError(`stack ${artifactId} has no properties.templateFile`, `${file}#${artifactId}`);
    }
    const [, account, region] = /^aws:\/\/([^/]+)\/(.+)$/.exec(String(artifact.environment ?? '')) ?? [];
    stacks.push({
      artifactId,
      stackName: typeof properties.stackName === 'string' ? properties.stackName : artifactId,
      displayName: typeof artifact.displayName === 'string' ? artifact.displayName : artifactId,
      templateFile: join(dir, properties.templateFile),
      dir,
      ...(account && account !== 'unknown-account' ? { account } : {}),
      ...(region && region !== 'unknown-region' ? { region } : {}),
    });
  }
  return stacks;
}

/** A template CDK wrote (JSON). */
export function readStackTemplate(file: string): Template {
  let template: Template;
  try {
    template = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw assemblyError(`${file} is not a readable JSON template: ${(error as Error).message}`, file);
  }
  if (!template || typeof template.Resources !== 'object') {
    throw assemblyError(`${file} has no Resources section`, file);
  }
  return template;
}

/** The nested stacks a template deploys whose template is in the assembly (`<id>.nested.template.json`). */
export function nestedStackTemplates(template: Template, dir: string): NestedStackTemplate[] {
  return Object.entries(template.Resources).flatMap(([logicalId, resource]) => {
    const asset = resource.Type === 'AWS::CloudFormation::Stack' ? resourceAsset(resource, dir) : undefined;
    return asset?.kind === 'file' ? [{ logicalId, templateFile: asset.path }] : [];
  });
}

/** Where a resource's asset is on this machine, from its `aws:asset:*` metadata. */
export function resourceAsset(resource: Resource, dir: string): ResourceAsset | undefined {
  const metadata = resource.Metadata ?? {};
  const path = metadata['aws:asset:path'];
  const property = metadata['aws:asset:property'];
  if (typeof path !== 'string' || typeof property !== 'string') return undefined;
  const full = resolvePath(dir, path);
  return { kind: assetKind(full, metadata), path: full, property };
}

function assetKind(path: string, metadata: Props): ResourceAsset['kind'] {
  if (metadata['aws:asset:dockerfile-path'] !== undefined) return 'image';
  if (path.endsWith('.zip')) return 'zip';
  return existsSync(path) && !statSync(path).isDirectory() ? 'file' : 'folder';
}

/** The construct path CDK records on each resource (`aws:cdk:path`), which names it in the CDK code. */
export function constructPath(resource: Resource | undefined): string | undefined {
  const path = resource?.Metadata?.['aws:cdk:path'];
  return typeof path === 'string' ? path : undefined;
}

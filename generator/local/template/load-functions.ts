/**
 * The template's Lambda functions as the emulator runs them: where their code is (CodeUri, SAM's
 * default of the template's folder, or InlineCode / Code.ZipFile written to a file as Lambda does),
 * their handler, limits and environment, and TypeScript to bundle as `sam build` would.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import type { Json, Template } from '../../template/types';
import { LocalError } from '../errors';
import {
  handlerFile,
  handlerModule,
  JAVASCRIPT_EXTENSIONS,
  TYPESCRIPT_EXTENSIONS,
} from '../lambda/handler-files';
import { missingCode } from '../lambda/runtimes';
import type { LocalFunction, TypeScriptSource } from '../types';
import { codeFolder } from './asset-code';
import { functionLayers } from './load-layers';
import { accountOf, physicalName, type ResolveContext, resolveValue } from './resolve';

type Props = Record<string, Json>;

const FUNCTION_TYPES = ['AWS::Serverless::Function', 'AWS::Lambda::Function'];

/** Functions by logical id; those whose code is elsewhere (S3, an image) are left out. */
export function loadFunctions(
  template: Template,
  ctx: ResolveContext,
  dir: string,
): Map<string, LocalFunction> {
  const functions = new Map<string, LocalFunction>();
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (!FUNCTION_TYPES.includes(resource.Type)) continue;
    const props = (resolveValue(resource.Properties ?? {}, ctx) ?? {}) as Props;
    const handler = String(props.Handler ?? 'index.handler');
    const runtime = typeof props.Runtime === 'string' ? props.Runtime : undefined;
    const codeDir = codeDirOf(resource.Type, props, dir, handler, runtime);
    if (!codeDir) continue;
    const name = physicalName(id, resource, ctx, 'FunctionName');
    const variables = ((props.Environment as Props | undefined)?.Variables ?? {}) as Props;
    const typescript = typescriptSource(codeDir, handler, resource.Metadata as Props | undefined);
    const { layers, remoteLayers } = functionLayers(resource.Properties?.Layers, template, ctx, dir);
    functions.set(id, {
      id,
      name,
      arn: functionArn(ctx, name),
      codeDir,
      handler,
      ...(runtime ? { runtime } : {}),
      timeoutSeconds: Number(props.Timeout ?? 3),
      memoryMb: Number(props.MemorySize ?? 128),
      environment: Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, String(value)])),
      ...(typescript ? { typescript } : {}),
      ...(layers.length > 0 ? { layers } : {}),
      ...(remoteLayers.length > 0 ? { remoteLayers } : {}),
    });
  }
  return functions;
}

/** The folder of a function's code; undefined when it is not on this machine (S3, image). */
function codeDirOf(
  type: string,
  props: Props,
  dir: string,
  handler: string,
  runtime: string | undefined,
): string | undefined {
  if (props.PackageType === 'Image') return undefined;
  const code = props.Code as Json | undefined;
  const inline = type === 'AWS::Lambda::Function' ? (code as Props | undefined)?.ZipFile : props.InlineCode;
  if (typeof inline === 'string') return inlineCodeDir(inline, handler, runtime);
  // A local path, as before `aws cloudformation package` (and CDK assets, see load-cdk.ts).
  if (type === 'AWS::Lambda::Function') return typeof code === 'string' ? localCode(dir, code) : undefined;
  if (props.CodeUri === undefined) return dir; // SAM's default: the template's folder
  return typeof props.CodeUri === 'string' ? localCode(dir, props.CodeUri) : undefined;
}

/** A folder as it is, a .zip unpacked; a path that does not exist stays, for checkBundle to name it. */
const localCode = (dir: string, path: string) => {
  const full = resolvePath(dir, path);
  return (full.endsWith('.zip') ? codeFolder(full) : undefined) ?? full;
};

/**
 * Functions whose code is a container image, by ARN, with why they do not run: their routes say so
 * rather than that the function is missing.
 */
export function imageFunctions(template: Template, ctx: ResolveContext): Map<string, string> {
  const images = new Map<string, string>();
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (!FUNCTION_TYPES.includes(resource.Type) || resource.Properties?.PackageType !== 'Image') continue;
    images.set(
      functionArn(ctx, physicalName(id, resource, ctx, 'FunctionName')),
      `function ${id} is a container image (PackageType Image): wskit local runs zip functions only`,
    );
  }
  return images;
}

const functionArn = (ctx: ResolveContext, name: string) =>
  `arn:aws:lambda:${ctx.region}:${accountOf(ctx)}:function:${name}`;

/**
 * Inline code in a file named like the handler's module, in a folder of its own keyed by the code,
 * as Lambda unpacks a ZipFile: `.py` for Python runtimes, `.js` otherwise.
 */
function inlineCodeDir(code: string, handler: string, runtime: string | undefined): string {
  const extension = runtime?.startsWith('python') ? '.py' : '.js';
  const file = `${handlerModule(handler) ?? 'index'}${extension}`;
  const key = createHash('sha256').update(file).update('\0').update(code).digest('hex').slice(0, 16);
  const folder = join(tmpdir(), `wskit-inline-${key}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, file), code);
  return folder;
}

/**
 * The TypeScript to bundle for a function that has no JavaScript to run: an entry point from SAM's
 * esbuild metadata (the one named like the handler's module, or the only one), else a .ts file
 * named like the module. Format and External come from the metadata too.
 */
function typescriptSource(
  codeDir: string,
  handler: string,
  metadata: Props | undefined,
): TypeScriptSource | undefined {
  const module = handlerModule(handler);
  if (!module || handlerFile(codeDir, handler, JAVASCRIPT_EXTENSIONS)) return undefined;
  const build = (metadata?.BuildMethod === 'esbuild' ? metadata.BuildProperties : undefined) as
    | Props
    | undefined;
  const declared = ((build?.EntryPoints as Json[] | undefined) ?? []).map((entry) =>
    resolvePath(codeDir, String(entry)),
  );
  const base = resolvePath(codeDir, module);
  const candidates = [
    ...declared.filter((entry) => entry.replace(/\.[cm]?ts$/, '') === base),
    ...TYPESCRIPT_EXTENSIONS.map((extension) => base + extension),
    ...(declared.length === 1 ? declared : []),
  ];
  const entry = candidates.find((file) => existsSync(file));
  if (!entry) return undefined;
  const external = ((build?.External as Json[] | undefined) ?? []).map(String);
  return {
    entry,
    format: build?.Format === 'esm' ? 'esm' : 'cjs',
    external: [...new Set([...external, '@aws-sdk/*'])],
  };
}

/** A route's function must have its code on disk: fail at start, not on the first message. */
export function checkBundle(fn: LocalFunction): void {
  const problem = missingCode(fn);
  if (problem) throw new LocalError('E_LOCAL_BUNDLE', `function ${fn.id}: ${problem}`, fn.id);
}

/**
 * A CDK project (a folder with cdk.json) and its synth. The CDK CLI runs the `app` command of
 * cdk.json with CDK_OUTDIR (where to write the cloud assembly) and CDK_CONTEXT_JSON (cdk.json's and
 * cdk.context.json's context, plus the flags that make CDK record construct paths and asset
 * locations in the templates). wskit runs the same command the same way, without the CLI: the CLI
 * may look up the account or fetch notices, and a local run must not reach out.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { TemplateError } from './errors';
import type { Json } from './types';

export const CDK_JSON = 'cdk.json';

export interface CdkProject {
  readonly dir: string;
  /** The synth command, as cdk.json's `app` gives it. */
  readonly app: string;
  /** Where the assembly goes: cdk.json's `output`, else `cdk.out`. */
  readonly outDir: string;
  /** cdk.json's `watch` globs, relative to the project. */
  readonly watch: { readonly include: readonly string[]; readonly exclude: readonly string[] };
  /** cdk.json's and cdk.context.json's context. */
  readonly context: Readonly<Record<string, Json>>;
}

/** Context the CDK CLI always passes: construct paths and asset locations in template Metadata. */
const CLI_CONTEXT = {
  'aws:cdk:enable-path-metadata': true,
  'aws:cdk:enable-asset-metadata': true,
  'aws:cdk:version-reporting': false,
};

const projectError = (code: string, message: string, path: string) => new TemplateError(code, message, path);

/** The CDK project in `dir`, or undefined when `dir` has no cdk.json. */
export function readCdkProject(dir: string): CdkProject | undefined {
  const file = join(dir, CDK_JSON);
  if (!existsSync(file)) return undefined;
  const json = readJson(file) as Record<string, Json>;
  if (typeof json.app !== 'string' || json.app.trim() === '') {
    throw projectError('E_CDK_PROJECT', `${file}: "app" must be the command that synthesizes the app`, file);
  }
  const watch = (json.watch ?? {}) as Record<string, Json>;
  const globs = (value: Json | undefined) => [value ?? []].flat().map(String);
  const contextFile = join(dir, 'cdk.context.json');
  return {
    dir: resolvePath(dir),
    app: json.app,
    outDir: resolvePath(dir, typeof json.output === 'string' ? json.output : 'cdk.out'),
    watch: { include: globs(watch.include), exclude: globs(watch.exclude) },
    context: {
      ...(json.context as Record<string, Json> | undefined),
      ...(existsSync(contextFile) ? (readJson(contextFile) as Record<string, Json>) : {}),
    },
  };
}

function readJson(file: string): Json {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw projectError('E_CDK_PROJECT', `${file} is not valid JSON: ${(error as Error).message}`, file);
  }
}

/**
 * Runs the project's synth into `outDir` (default: the project's), quietly; resolves with how long
 * it took. A failing app rejects with its last lines of output.
 */
export function synthesize(project: CdkProject, outDir = project.outDir): Promise<{ ms: number }> {
  const started = performance.now();
  const child = spawn(project.app, {
    cwd: project.dir,
    shell: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CDK_OUTDIR: outDir,
      CDK_CONTEXT_JSON: JSON.stringify({ ...project.context, ...CLI_CONTEXT }),
    },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return new Promise((resolve, reject) => {
    child.once('error', (error) =>
      reject(
        projectError(
          'E_CDK_SYNTH',
          `cdk synth (${project.app}) did not start: ${error.message}`,
          project.dir,
        ),
      ),
    );
    child.once('close', (code) => {
      if (code === 0) return resolve({ ms: Math.round(performance.now() - started) });
      reject(
        projectError('E_CDK_SYNTH', `cdk synth (${project.app}) failed: ${lastLines(output)}`, project.dir),
      );
    });
  });
}

/** The app's error, not its bundling chatter: its last `...Error: ...` line, else its last lines. */
function lastLines(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const error = lines.findLast((line) => /^[\w.]*Error\b.*:/.test(line));
  return error ?? (lines.slice(-3).join(' | ') || 'no output');
}

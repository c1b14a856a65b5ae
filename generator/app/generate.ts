/**
 * `wskit generate`: app model → template and files → lint → bundles → atomic write.
 * Lint errors in what we generate are refused: a template we write must deploy.
 * Reads (the app file), plans (pure synthesis), then writes, refusing before any work when the
 * output directory may not be written.
 */
import { dirname, resolve } from 'node:path';
import { ModelError } from '../errors';
import { lintTemplateText } from '../lint/index';
import type { Runtime } from '../model/types';
import { PACKAGE_ROOT } from '../paths';
import type { Pattern } from '../pattern';
import { synthesize } from '../synth/synth';
import { toYaml } from '../template/yaml';
import { bundleFunctions } from './bundle';
import { loadAppFile } from './load-app-file';
import { appReadme } from './readme';
import { samConfig } from './samconfig';
import { typecheckFunctions } from './typecheck';
import { type AppFile, checkOutDir, writeAppDir } from './write-app';

export type AppSource =
  | {
      readonly kind: 'pattern';
      readonly pattern: Pattern;
      readonly options: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'appFile'; readonly file: string };

export interface GenerateRequest {
  readonly source: AppSource;
  readonly out: string;
  /** App and stack name. */
  readonly name: string;
  readonly stageName?: string;
  readonly runtime?: Runtime;
  readonly region?: string;
  readonly force: boolean;
  /** Type-check function sources with the TypeScript compiler before bundling. @default false */
  readonly typecheck?: boolean;
  /** The command line, recorded in the app README. */
  readonly commandLine: string;
}

export interface GenerateResult {
  readonly outDir: string;
  /** Every file written, relative to outDir, sorted. */
  readonly files: readonly string[];
}

export async function generate(request: GenerateRequest): Promise<GenerateResult> {
  checkOutDir(request.out, request.force);
  const { source } = request;
  const app =
    source.kind === 'pattern'
      ? source.pattern.build({
          name: request.name,
          options: source.options,
          ...(request.stageName ? { stageName: request.stageName } : {}),
          ...(request.runtime ? { runtime: request.runtime } : {}),
        })
      : await loadAppFile(source.file);
  const synth = synthesize(app);
  const templateText = toYaml(synth.template, { banners: synth.banners });
  const tryIt =
    source.kind === 'pattern'
      ? source.pattern.tryIt({ name: request.name, options: source.options })
      : {
          send: '{"action": "<route key>", ...}',
          expect: 'the answer of the route you chose, if it is two-way',
        };
  const files: AppFile[] = [
    { path: 'template.yml', content: templateText },
    {
      path: 'samconfig.toml',
      content: samConfig({ stackName: app.name, ...(request.region ? { region: request.region } : {}) }),
    },
    {
      path: 'README.md',
      content: appReadme({ app, stackName: app.name, generatedWith: request.commandLine, tryIt }),
    },
    ...synth.files,
  ];
  // Relative entries resolve from here; bundles' path comments are relative to it too.
  const baseDir = source.kind === 'appFile' ? dirname(resolve(source.file)) : PACKAGE_ROOT;
  if (request.typecheck)
    await typecheckFunctions(
      synth.bundles.map((b) => b.fn),
      baseDir,
    );
  await writeAppDir(request.out, files, async (staging) => {
    refuseLintErrors(templateText, staging);
    await bundleFunctions(synth.bundles, staging, baseDir);
  });
  const written = [...files.map((f) => f.path), ...synth.bundles.map((b) => `${b.codeDir}/index.js`)].sort();
  return { outDir: request.out, files: written };
}

/** The linter reads the staged app (state machine files included); any error stops the write. */
function refuseLintErrors(templateText: string, stagingDir: string): void {
  const errors = lintTemplateText(templateText, 'template.yml', { baseDir: stagingDir }).filter(
    (f) => f.severity === 'error',
  );
  const first = errors[0];
  if (first) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new ModelError(
      'E_MODEL_LINT',
      `the generated template has lint errors, so nothing was written: template.yml:${first.line}:${first.column} ${first.code} ${first.message}${more}`,
      first.path,
    );
  }
}

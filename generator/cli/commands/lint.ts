/** `wskit lint`: reads each template, lints it, prints the findings, returns cfn-lint's exit bitmask. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { WskitError } from '../../errors';
import { assemblyLintInputs } from '../../lint/cdk-inputs';
import { LintInputError } from '../../lint/errors';
import { type FileFindings, formatFindings } from '../../lint/format';
import { lintTemplateText } from '../../lint/index';
import { LIMITS } from '../../lint/parse';
import { templateInFolder } from '../../template/app-folder';
import { assemblyOf } from '../../template/cdk-assembly';
import { readCdkProject } from '../../template/cdk-project';
import { synthesizeAndSay } from '../cdk-synth';
import type { LintCommandOptions } from './lint.args';

export async function runLint(options: LintCommandOptions): Promise<number> {
  const results: FileFindings[] = [];
  let unreadable = false;
  for (const given of options.templates) {
    try {
      for (const input of await lintInputs(given, options.synth)) {
        const findings = lintTemplateText(readTemplate(input.file), input.file, {
          baseDir: dirname(input.file),
          ignoreChecks: options.ignoreChecks,
          aslValidator: options.aslValidator,
        });
        results.push({ ...input, findings });
      }
    } catch (error) {
      if (!(error instanceof WskitError)) throw error;
      process.stderr.write(`wskit: ${error.message}\n`);
      unreadable = true;
    }
  }
  const output = formatFindings(results, options.format);
  if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  if (unreadable) return 1;
  const all = results.flatMap((r) => r.findings);
  return (
    (all.some((f) => f.severity === 'error') ? 2 : 0) | (all.some((f) => f.severity === 'warning') ? 4 : 0)
  );
}

/**
 * The templates a path names: a template; an app folder's template; every stack template of a CDK
 * cloud assembly; or, in a CDK project, of the assembly its synth writes (said on stderr, so
 * JSON and SARIF output stay clean).
 */
async function lintInputs(path: string, synth: boolean): Promise<Omit<FileFindings, 'findings'>[]> {
  const project = existsSync(path) && statSync(path).isDirectory() ? readCdkProject(path) : undefined;
  if (project && synth) await synthesizeAndSay(project, (line) => process.stderr.write(`${line}\n`));
  const assembly = assemblyOf(project ? project.outDir : path);
  if (project && !assembly) {
    throw new LintInputError(
      'E_LINT_READ',
      `${path}: its cdk.out holds no cloud assembly; run without --no-synth`,
      path,
    );
  }
  if (!assembly) return [{ file: templatePath(path) }];
  // Paths as the user wrote them (`cdk.out/Chat.template.json`); one template alone keeps its stack.
  const inputs = assemblyLintInputs(assembly).map(({ file, stack, constructPaths }) => ({
    file: join(path, relative(resolve(path), file)),
    cdk: { stack, constructPaths },
  }));
  if (statSync(path).isDirectory()) return inputs;
  return [inputs.find((input) => resolve(input.file) === resolve(path)) ?? { file: path }];
}

/** A template path as given, or `<dir>/template.yml` (or .yaml, .json) when given an app folder. */
export function templatePath(path: string): string {
  if (!existsSync(path) || !statSync(path).isDirectory()) return path;
  const found = templateInFolder(path);
  if (!found)
    throw new LintInputError(
      'E_LINT_READ',
      `${path}: a folder with no template.yml, template.yaml or template.json`,
      path,
    );
  return found;
}

/** The file as text; refuses missing, oversized and binary files with a LintInputError. */
export function readTemplate(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new LintInputError('E_LINT_READ', `${file}: not a file`, file);
    size = stat.size;
  } catch (error) {
    if (error instanceof LintInputError) throw error;
    throw new LintInputError(
      'E_LINT_READ',
      `${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      file,
    );
  }
  if (size > LIMITS.bytes)
    throw new LintInputError(
      'E_LINT_TOO_LARGE',
      `${file}: template is larger than ${LIMITS.bytes / 1024 / 1024} MB`,
      file,
    );
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file)).replace(/^\uFEFF/, '');
  } catch {
    throw new LintInputError('E_LINT_BINARY', `${file}: file is binary, not a YAML or JSON template`, file);
  }
}

/** `wskit lint`: reads each template, lints it, prints the findings, returns cfn-lint's exit bitmask. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { WskitError } from '../../errors';
import { LintInputError } from '../../lint/errors';
import { type FileFindings, formatFindings } from '../../lint/format';
import { lintTemplateText } from '../../lint/index';
import { LIMITS } from '../../lint/parse';
import { templateInFolder } from '../../template/app-folder';
import type { LintCommandOptions } from './lint.args';

export async function runLint(options: LintCommandOptions): Promise<number> {
  const results: FileFindings[] = [];
  let unreadable = false;
  for (const given of options.templates) {
    try {
      const file = templatePath(given);
      const findings = lintTemplateText(readTemplate(file), file, {
        baseDir: dirname(file),
        ignoreChecks: options.ignoreChecks,
        aslValidator: options.aslValidator,
      });
      results.push({ file, findings });
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

/** Options of `wskit lint`; the behaviour is in ./lint.ts, loaded on demand. */
import type { Command } from 'commander';
import { oneOf, UsageError } from '../../errors';

export const LINT_FORMATS = ['text', 'json', 'sarif'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintCommandOptions {
  readonly templates: readonly string[];
  readonly format: LintFormat;
  readonly ignoreChecks: readonly string[];
  /** Also validate state machine definitions with the asl-validator package. */
  readonly aslValidator: boolean;
  /** In a CDK project: run its synth first (`--no-synth`: lint the cdk.out as it is). */
  readonly synth: boolean;
}

/** Commander's raw values → typed options; throws UsageError for values it cannot use. */
export function parseLintOptions(
  templates: readonly string[],
  raw: { format?: string; ignoreChecks?: readonly string[]; aslValidator?: boolean; synth?: boolean },
): LintCommandOptions {
  if (templates.length === 0)
    throw new UsageError('E_LINT_USAGE', 'wskit lint needs at least one template file');
  const format = raw.format ?? 'text';
  if (!(LINT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      'E_LINT_USAGE',
      `--format ${JSON.stringify(format)} is not supported; use ${oneOf(LINT_FORMATS)}`,
      '--format',
    );
  }
  const ignoreChecks = (raw.ignoreChecks ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = ignoreChecks.find((code) => !/^[EWI]\d{0,4}$/.test(code));
  if (bad)
    throw new UsageError(
      'E_LINT_USAGE',
      `--ignore-checks ${JSON.stringify(bad)} is not a rule code such as E3002, W9102 or a prefix such as W`,
      '--ignore-checks',
    );
  return {
    templates,
    format: format as LintFormat,
    ignoreChecks,
    aslValidator: raw.aslValidator === true,
    synth: raw.synth !== false,
  };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerLint(program: Command, run: (options: LintCommandOptions) => Promise<void>): void {
  program
    .command('lint')
    .description(
      'check SAM, CloudFormation and CDK templates: specification, intrinsics, WebSocket wiring, IAM hygiene',
    )
    .argument(
      '<template...>',
      'template files (YAML or JSON), app folders, CDK cloud assemblies (cdk.out) or CDK projects (cdk.json)',
    )
    .option('--format <format>', `output format: ${LINT_FORMATS.join(', ')}`, 'text')
    .option(
      '--ignore-checks <codes>',
      'rule codes or prefixes to ignore, comma-separated (repeatable)',
      collect,
    )
    .option('--asl-validator', 'also check state machine definitions with asl-validator (thorough, slower)')
    .option('--no-synth', 'in a CDK project: lint its cdk.out as it is, without running the synth')
    .addHelpText(
      'after',
      '\nExit status: 0 clean, 2 errors, 4 warnings, 6 both (information does not count), 1 unreadable or unparsable file.',
    )
    .action(
      (
        templates: string[],
        raw: { format?: string; ignoreChecks?: string[]; aslValidator?: boolean; synth?: boolean },
      ) => run(parseLintOptions(templates, raw)),
    );
}

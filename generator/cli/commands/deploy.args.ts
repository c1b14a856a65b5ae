/**
 * Options of `wskit deploy`, `wskit delete` and `wskit outputs`; the behaviour (and the AWS SDK) loads
 * only when one of them runs. Each parse function turns commander's options into typed settings.
 */
import type { Command } from 'commander';
import type { DeleteSettings } from '../../deploy/delete';
import { type KeyValues, parseKeyValues } from '../../deploy/key-values';
import type { DeployFlags } from '../../deploy/settings';
import { UsageError, WskitError } from '../../errors';

export interface AwsFlags {
  readonly region?: string;
  readonly profile?: string;
}

export function parseDeployArgs(appDir: string, options: Record<string, unknown>): DeployFlags {
  return {
    appDir,
    stackName: optionalString(options.stackName),
    region: optionalString(options.region),
    profile: optionalString(options.profile),
    s3Bucket: optionalString(options.s3Bucket),
    s3Prefix: optionalString(options.s3Prefix),
    parameterOverrides: pairs(options.parameterOverrides, '--parameter-overrides'),
    tags: pairs(options.tags, '--tags'),
    confirm: optionalBoolean(options.confirm),
    execute: optionalBoolean(options.execute),
  };
}

export type DeleteArgs = DeleteSettings & AwsFlags;
export type OutputsArgs = { readonly stackName: string; readonly json: boolean } & AwsFlags;

export function parseDeleteArgs(options: Record<string, unknown>): DeleteArgs {
  return {
    stackName: String(options.stackName),
    region: optionalString(options.region),
    profile: optionalString(options.profile),
    confirm: options.confirm !== false,
    ignoreMissing: options.ignoreMissing === true,
  };
}

export function parseOutputsArgs(options: Record<string, unknown>): OutputsArgs {
  return {
    stackName: String(options.stackName),
    region: optionalString(options.region),
    profile: optionalString(options.profile),
    json: options.json === true,
  };
}

export function registerDeploy(program: Command, run: (flags: DeployFlags) => Promise<void>): void {
  const command = program
    .command('deploy')
    .description('package an app folder to S3 and deploy it through a CloudFormation change set')
    .argument('<app-dir>', 'app folder with template.yml (and samconfig.toml), as wskit generate writes it')
    .option('--stack-name <name>', 'stack to create or update (default: stack_name in samconfig.toml)')
    .option(
      '--s3-bucket <bucket>',
      'bucket for code and definitions (default: a managed bucket, created once)',
    )
    .option(
      '--s3-prefix <prefix>',
      'key prefix in the bucket (default: s3_prefix in samconfig.toml, else the stack name)',
    )
    .option('--parameter-overrides <pairs...>', 'template parameters as Key=Value')
    .option('--tags <pairs...>', 'stack tags as Key=Value')
    .addOption(hidden(program, '--confirm'))
    .option('--no-confirm', 'execute without asking (it only asks on a terminal)')
    .addOption(hidden(program, '--execute'))
    .option('--no-execute', 'create and show the change set, do not execute it');
  awsOptions(command).action((appDir: string, options: Record<string, unknown>) =>
    run(parseDeployArgs(appDir, options)),
  );
}

export function registerDelete(program: Command, run: (args: DeleteArgs) => Promise<void>): void {
  const command = program
    .command('delete')
    .description('delete a stack and wait until it is gone')
    .requiredOption('--stack-name <name>', 'stack to delete')
    .option('--no-confirm', 'delete without asking (it only asks on a terminal)')
    .option('--ignore-missing', 'exit 0 when the stack does not exist');
  awsOptions(command).action((options: Record<string, unknown>) => run(parseDeleteArgs(options)));
}

export function registerOutputs(program: Command, run: (args: OutputsArgs) => Promise<void>): void {
  const command = program
    .command('outputs')
    .description("print a stack's outputs")
    .requiredOption('--stack-name <name>', 'stack to read')
    .option('--json', 'print {"OutputKey": "value", ...} as JSON');
  awsOptions(command).action((options: Record<string, unknown>) => run(parseOutputsArgs(options)));
}

function awsOptions(command: Command): Command {
  return command
    .option('--region <region>', 'AWS region (default: samconfig.toml, AWS_REGION, the profile)')
    .option('--profile <name>', 'AWS profile from ~/.aws/config');
}

/** `--confirm` next to `--no-confirm` leaves the default undefined, so samconfig.toml can decide. */
function hidden(program: Command, flag: string) {
  return program.createOption(flag).hideHelp();
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function optionalBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

function pairs(value: unknown, flag: string): KeyValues {
  try {
    return parseKeyValues(Array.isArray(value) ? value.map(String) : undefined, flag);
  } catch (error) {
    if (error instanceof WskitError) throw new UsageError(error.code, error.message, flag);
    throw error;
  }
}

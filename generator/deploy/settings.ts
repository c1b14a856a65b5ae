/**
 * Merges command-line flags over samconfig.toml into the settings a deploy runs with.
 * One default, one place: everything a deploy assumes when neither source says is decided here.
 */
import { DeployError } from './errors';
import type { KeyValues } from './key-values';
import type { SamDeployConfig } from './samconfig';

/** What the user typed; undefined means "not given", so samconfig.toml can supply it. */
export interface DeployFlags {
  readonly appDir: string;
  readonly stackName?: string;
  readonly region?: string;
  readonly profile?: string;
  readonly s3Bucket?: string;
  readonly s3Prefix?: string;
  readonly parameterOverrides: KeyValues;
  readonly tags: KeyValues;
  readonly confirm?: boolean;
  readonly execute?: boolean;
}

export interface DeploySettings {
  readonly appDir: string;
  readonly stackName: string;
  /** Undefined: the SDK looks in AWS_REGION and the profile's config. */
  readonly region?: string;
  readonly profile?: string;
  /** A bucket the user named, or undefined for the managed artifacts bucket. */
  readonly s3Bucket?: string;
  /** Key prefix for uploaded artifacts; the stack name unless configured. */
  readonly s3Prefix: string;
  readonly capabilities: readonly string[];
  readonly parameterOverrides: KeyValues;
  readonly tags: KeyValues;
  /** Ask before executing the change set (only ever asked on a terminal). */
  readonly confirm: boolean;
  /** Execute the change set; false leaves it for review. */
  readonly execute: boolean;
}

/** Always requested: the SAM transform needs AUTO_EXPAND, generated apps create IAM roles. */
export const REQUIRED_CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_AUTO_EXPAND'] as const;

const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;

export function resolveDeploySettings(flags: DeployFlags, config: SamDeployConfig): DeploySettings {
  const stackName = flags.stackName ?? config.stackName;
  if (!stackName) {
    throw new DeployError(
      'E_DEPLOY_NO_STACK_NAME',
      'no stack name: pass --stack-name or set stack_name in samconfig.toml',
    );
  }
  checkStackName(stackName);
  const s3Bucket = flags.s3Bucket ?? config.s3Bucket;
  if (!s3Bucket && config.resolveS3 === false) {
    throw new DeployError(
      'E_DEPLOY_NO_BUCKET',
      'no S3 bucket for artifacts: pass --s3-bucket, or set resolve_s3 = true in samconfig.toml to use a managed bucket',
    );
  }
  return {
    appDir: flags.appDir,
    stackName,
    region: flags.region ?? config.region,
    profile: flags.profile ?? config.profile,
    s3Bucket,
    s3Prefix: (flags.s3Prefix ?? config.s3Prefix ?? stackName).replace(/\/+$/, ''),
    capabilities: [...new Set([...REQUIRED_CAPABILITIES, ...config.capabilities])].sort(),
    parameterOverrides: { ...config.parameterOverrides, ...flags.parameterOverrides },
    tags: { ...config.tags, ...flags.tags },
    confirm: flags.confirm ?? config.confirmChangeset ?? true,
    execute: flags.execute ?? !(config.noExecuteChangeset ?? false),
  };
}

export function checkStackName(name: string): void {
  if (!STACK_NAME.test(name)) {
    throw new DeployError(
      'E_DEPLOY_STACK_NAME',
      `stack name ${JSON.stringify(name)} is not valid: use letters, digits and hyphens, starting with a letter, at most 128 characters`,
    );
  }
}

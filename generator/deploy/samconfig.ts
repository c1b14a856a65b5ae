/**
 * Reads the deploy defaults `sam deploy` reads from an app's samconfig.toml, so both tools share one
 * configuration: `[default.global.parameters]`, then `[default.deploy.parameters]` on top.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { DeployError } from './errors';
import { type KeyValues, parseKeyValues } from './key-values';

/** The samconfig.toml settings wskit uses; absent keys stay undefined. */
export interface SamDeployConfig {
  readonly stackName?: string;
  readonly region?: string;
  readonly profile?: string;
  readonly s3Bucket?: string;
  readonly s3Prefix?: string;
  readonly resolveS3?: boolean;
  readonly confirmChangeset?: boolean;
  readonly noExecuteChangeset?: boolean;
  readonly capabilities: readonly string[];
  readonly parameterOverrides: KeyValues;
  readonly tags: KeyValues;
}

export const SAMCONFIG_FILE = 'samconfig.toml';

/** Reads `<appDir>/samconfig.toml`; a missing file is an empty configuration. */
export async function readSamConfig(appDir: string): Promise<SamDeployConfig> {
  const path = join(appDir, SAMCONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return parseSamConfig('', path);
    throw error;
  }
  return parseSamConfig(text, path);
}

export function parseSamConfig(text: string, path = SAMCONFIG_FILE): SamDeployConfig {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new DeployError('E_DEPLOY_SAMCONFIG', `${path}: not valid TOML: ${reason}`, path);
  }
  const env = table(doc.default);
  const params = { ...table(table(env.global).parameters), ...table(table(env.deploy).parameters) };
  const get = (key: string) => params[key];
  return {
    stackName: str(get('stack_name'), key(path, 'stack_name')),
    region: str(get('region'), key(path, 'region')),
    profile: str(get('profile'), key(path, 'profile')),
    s3Bucket: str(get('s3_bucket'), key(path, 's3_bucket')),
    s3Prefix: str(get('s3_prefix'), key(path, 's3_prefix')),
    resolveS3: bool(get('resolve_s3'), key(path, 'resolve_s3')),
    confirmChangeset: bool(get('confirm_changeset'), key(path, 'confirm_changeset')),
    noExecuteChangeset: bool(get('no_execute_changeset'), key(path, 'no_execute_changeset')),
    capabilities: words(get('capabilities'), key(path, 'capabilities')),
    parameterOverrides: parseKeyValues(
      strings(get('parameter_overrides'), key(path, 'parameter_overrides')),
      key(path, 'parameter_overrides'),
    ),
    tags: parseKeyValues(strings(get('tags'), key(path, 'tags')), key(path, 'tags')),
  };
}

const key = (path: string, name: string) => `${path} ${name}`;

function table(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function str(value: unknown, where: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new DeployError('E_DEPLOY_SAMCONFIG', `${where}: expected a string, got ${JSON.stringify(value)}`);
}

function bool(value: unknown, where: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new DeployError(
    'E_DEPLOY_SAMCONFIG',
    `${where}: expected true or false, got ${JSON.stringify(value)}`,
  );
}

function strings(value: unknown, where: string): string | string[] | undefined {
  if (value === undefined || typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  throw new DeployError('E_DEPLOY_SAMCONFIG', `${where}: expected a string or a list of strings`);
}

function words(value: unknown, where: string): string[] {
  const v = strings(value, where);
  return (typeof v === 'string' ? [v] : (v ?? [])).flatMap((s) => s.split(/\s+/)).filter(Boolean);
}

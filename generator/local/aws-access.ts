/**
 * How handlers reach AWS, as with `sam local`: the services wskit serves get local endpoints (set
 * beside this), and every other service is reached with the developer's own credential chain. The
 * chain's inputs (the `AWS_*` variables of wskit's environment, and `~/.aws` through HOME) are
 * handed to the handler, whose SDK resolves them itself when it calls: wskit makes no call of its
 * own. When the developer has no credentials at all, dummy ones let handlers sign for the local
 * services, which accept any signature. `--offline` hands over nothing of the developer's: dummy
 * credentials, and every other call goes to a local endpoint that refuses it (./offline.ts).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import type { Logger } from './log';
import { startOfflineEndpoint } from './offline';

export interface AwsAccessOptions {
  readonly offline: boolean;
  /** The address the emulator listens on. */
  readonly host: string;
  readonly log: Logger;
  /** wskit's own environment. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

export interface AwsAccess {
  /** Variables every function gets, before Lambda's reserved ones and the local endpoints. */
  readonly environment: Readonly<Record<string, string>>;
  /** Under --offline: the local endpoint that refuses every call that would leave the machine. */
  readonly offlineEndpoint?: string;
  /** For the banner: how handlers reach the services wskit does not serve. */
  readonly others: string;
  close(): Promise<void>;
}

const DUMMY_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIAWSKITLOCAL000000',
  AWS_SECRET_ACCESS_KEY: 'wskit-local-secret',
  AWS_SESSION_TOKEN: 'wskit-local-session',
};

/** Settings of a profile from which the SDK's default chain gets credentials. */
const PROFILE_CREDENTIAL_KEYS = [
  'aws_access_key_id',
  'role_arn',
  'credential_process',
  'sso_session',
  'sso_start_url',
  'web_identity_token_file',
  'login_session',
];

export async function startAwsAccess(options: AwsAccessOptions): Promise<AwsAccess> {
  const { env = process.env } = options;
  if (options.offline) {
    const refusing = await startOfflineEndpoint(options.host, options.log);
    return {
      environment: {
        ...DUMMY_CREDENTIALS,
        AWS_ENDPOINT_URL: refusing.endpoint,
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      offlineEndpoint: refusing.endpoint,
      others: 'refused (--offline)',
      close: refusing.close,
    };
  }
  const source = await credentialSource(env);
  return {
    environment: {
      ...developerChain(env),
      ...(source ? {} : DUMMY_CREDENTIALS),
    },
    others: source
      ? `your AWS account (credentials from ${source}); --offline refuses them`
      : 'your AWS account, but no credentials were found (dummy ones are used); --offline refuses them',
    close: async () => {},
  };
}

/** The developer's `AWS_*` variables (Lambda's own excepted) and HOME, where `~/.aws` is found. */
function developerChain(env: NodeJS.ProcessEnv): Record<string, string> {
  const chain: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const lambdaOwn = name.startsWith('AWS_LAMBDA_') || name === 'AWS_EXECUTION_ENV';
    if (value !== undefined && name.startsWith('AWS_') && !lambdaOwn) chain[name] = value;
  }
  const home = env.HOME ?? homedir();
  return { ...chain, HOME: home };
}

/** Where the default chain would find credentials, from the environment and `~/.aws` alone (no network). */
async function credentialSource(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return 'AWS_ACCESS_KEY_ID';
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) return 'AWS_WEB_IDENTITY_TOKEN_FILE';
  if (env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) {
    return 'the container credentials endpoint';
  }
  const { name, settings } = await currentProfile(env);
  return PROFILE_CREDENTIAL_KEYS.some((key) => key in settings) ? `profile ${name}` : undefined;
}

/** The profile the SDK's default chain reads, and its settings from `~/.aws` (no network). */
export async function currentProfile(
  env: NodeJS.ProcessEnv,
): Promise<{ readonly name: string; readonly settings: Record<string, string | undefined> }> {
  const name = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
  const aws = join(env.HOME ?? homedir(), '.aws');
  const files = await loadSharedConfigFiles({
    filepath: env.AWS_SHARED_CREDENTIALS_FILE ?? join(aws, 'credentials'),
    configFilepath: env.AWS_CONFIG_FILE ?? join(aws, 'config'),
    ignoreCache: true,
  });
  return { name, settings: { ...files.configFile[name], ...files.credentialsFile[name] } };
}

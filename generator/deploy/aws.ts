/**
 * The AWS clients, checked before the first call: a missing region or missing credentials is one
 * actionable line, not an SDK stack trace. `--profile` goes to the clients' own `profile` option.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { AwsSetupError, DeployError } from './errors';

export interface AwsTarget {
  readonly region?: string;
  readonly profile?: string;
}

export interface AwsClients {
  readonly cfn: CloudFormationClient;
  readonly s3: S3Client;
  readonly region: string;
}

// The SDK warns about node 20 on every client construction; the warning says nothing a deploy user can act on.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** The SDK retries throttled and failed calls with backoff; deploys poll, so allow a few more tries. */
const MAX_ATTEMPTS = 8;

export async function connectAws({ region, profile }: AwsTarget): Promise<AwsClients> {
  const config = { region, profile, maxAttempts: MAX_ATTEMPTS };
  const cfn = new CloudFormationClient(config);
  const resolvedRegion = await cfn.config.region().catch(() => undefined);
  if (!resolvedRegion) {
    throw new AwsSetupError(
      'E_AWS_NO_REGION',
      'no AWS region: pass --region, set AWS_REGION, or add region to samconfig.toml',
    );
  }
  try {
    await cfn.config.credentials();
  } catch {
    const where = profile ? `profile ${JSON.stringify(profile)} has none` : 'none found';
    throw new AwsSetupError(
      'E_AWS_NO_CREDENTIALS',
      `no AWS credentials (${where}): run aws configure or aws sso login, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass --profile`,
    );
  }
  return { cfn, s3: new S3Client({ ...config, region: resolvedRegion }), region: resolvedRegion };
}

const NETWORK_ERRORS = new Set(['ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN']);

/** AWS service, credential and network errors as one line; anything else passes through unchanged. */
export function explainAwsError(error: unknown): unknown {
  if (!error || typeof error !== 'object') return error;
  const e = error as { name?: string; message?: string; code?: string; $metadata?: unknown };
  if (e.name === 'CredentialsProviderError') {
    return new AwsSetupError('E_AWS_CREDENTIALS', `AWS credentials stopped working: ${e.message}`);
  }
  if (e.code && NETWORK_ERRORS.has(e.code)) {
    return new DeployError('E_AWS_NETWORK', `cannot reach AWS (${e.code}): ${e.message}`);
  }
  if (!('$metadata' in e)) return error;
  const hint =
    e.name === 'ExpiredToken' || e.name === 'ExpiredTokenException'
      ? ' (credentials expired: refresh them, e.g. aws sso login)'
      : e.name === 'AccessDenied' || e.name === 'AccessDeniedException'
        ? ' (the credentials in use lack this permission)'
        : '';
  return new DeployError('E_AWS', `AWS ${e.name}: ${e.message}${hint}`);
}

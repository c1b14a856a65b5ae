/**
 * The access keys whose secrets wskit local holds, so that it can verify SigV4 signatures on
 * `AWS_IAM` handshakes as API Gateway does: the credentials wskit runs with (`AWS_ACCESS_KEY_ID`
 * with its secret, or the static keys of the current profile in `~/.aws/credentials`, read by the
 * AWS SDK's own file reader without any network call) and the profiles of credentials files given
 * with `--iam-credentials`. A profile may also describe its principal, which then fills
 * `requestContext.identity` (`account_id`, `user_arn`, `caller`, `cognito_identity_id`,
 * `cognito_identity_pool_id`). Secrets never leave this module's values: nothing logs them.
 */
import { existsSync } from 'node:fs';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { currentProfile } from '../aws-access';
import { LocalError } from '../errors';

/** Who a key stands for, as `requestContext.identity` reports it (absent: wskit local's stand-ins). */
export interface IamPrincipal {
  readonly accountId?: string;
  readonly userArn?: string;
  readonly caller?: string;
  readonly cognitoIdentityId?: string;
  readonly cognitoIdentityPoolId?: string;
}

export interface IamKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Where the key came from, for the banner: `AWS_ACCESS_KEY_ID`, `profile default`, `creds.ini [tester]`. */
  readonly source: string;
  readonly principal: IamPrincipal;
}

export interface IamKeyring {
  readonly keys: ReadonlyMap<string, IamKey>;
  /** Where the keys came from, in the order read (no secrets). */
  readonly sources: readonly string[];
}

type Profile = Record<string, string | undefined>;

/** The keys of wskit's own credentials and of each `--iam-credentials` file. */
export async function loadIamKeyring(
  env: NodeJS.ProcessEnv,
  credentialFiles: readonly string[] = [],
): Promise<IamKeyring> {
  const keys = new Map<string, IamKey>();
  const add = (profile: Profile, source: string) => {
    const accessKeyId = profile.aws_access_key_id;
    const secretAccessKey = profile.aws_secret_access_key;
    if (!accessKeyId || !secretAccessKey || keys.has(accessKeyId)) return;
    keys.set(accessKeyId, { accessKeyId, secretAccessKey, source, principal: principalOf(profile) });
  };
  add(
    { aws_access_key_id: env.AWS_ACCESS_KEY_ID, aws_secret_access_key: env.AWS_SECRET_ACCESS_KEY },
    'AWS_ACCESS_KEY_ID',
  );
  const own = await currentProfile(env);
  add(own.settings, `profile ${own.name}`);
  for (const file of credentialFiles) {
    if (!existsSync(file)) {
      throw new LocalError(
        'E_LOCAL_IAM_CREDENTIALS',
        `--iam-credentials ${file}: no such file (expected a file in the AWS credentials file format)`,
        file,
      );
    }
    // The file is in the AWS credentials file format; the config file path is one that is not there.
    const given = await loadSharedConfigFiles({
      filepath: file,
      configFilepath: `${file}.none`,
      ignoreCache: true,
    });
    for (const [profile, settings] of Object.entries(given.credentialsFile))
      add(settings, `${file} [${profile}]`);
  }
  return { keys, sources: [...new Set([...keys.values()].map((key) => key.source))] };
}

function principalOf(profile: Profile): IamPrincipal {
  const entries = {
    accountId: profile.account_id,
    userArn: profile.user_arn,
    caller: profile.caller,
    cognitoIdentityId: profile.cognito_identity_id,
    cognitoIdentityPoolId: profile.cognito_identity_pool_id,
  };
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

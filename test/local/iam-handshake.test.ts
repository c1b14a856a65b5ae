/**
 * `AuthorizationType: AWS_IAM` on `$connect`, with real ws clients signing as browsers and CLIs do
 * (the AWS SDK's own SigV4 signer): a presigned `ws://` URL (with Cognito guest credentials too) and
 * an Authorization header. No signature, a wrong secret, a changed request, an expired one or one for
 * another region gets 403 before the `$connect` function runs; a good one fills
 * `requestContext.identity`. Keys whose secret wskit local does not hold are accepted unverified
 * when well-formed and in date, and the log says so on each connection.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { banner } from '../../generator/cli/commands/local';
import { LocalError } from '../../generator/local/errors';
import type { LocalServer } from '../../generator/local/start-local';
import { startLocal } from '../../generator/local/start-local';
import { Client, lambdaRoute, nodeFunction, websocketApi, writeApp, writeSamApp } from './helpers';

const TESTER = { accessKeyId: 'AKIAWSKITTESTER00001', secretAccessKey: 'tester-secret-do-not-log' };
const GUEST = {
  accessKeyId: 'ASIAWSKITGUEST000001',
  secretAccessKey: 'guest-secret-do-not-log',
  sessionToken: 'guest-session-token',
};
const RUNNING = { accessKeyId: 'AKIAWSKITRUNNING0001', secretAccessKey: 'running-secret-do-not-log' };
const SECRETS = [TESTER.secretAccessKey, GUEST.secretAccessKey, RUNNING.secretAccessKey];

const connect = `exports.handler = async () => { console.log('connect ran'); return { statusCode: 200 }; };
`;
const whoami = `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.identity) });
`;
type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { stdio: 'ignore' }).status === 0;

/** A presigned URL and signed headers for `url`, from botocore's SigV4 query and header signers. */
function botocoreSigned(
  url: string,
  credentials: Credentials,
): { url: string; headers: Record<string, string> } {
  const script = [
    'import json, sys',
    'from botocore.auth import SigV4Auth, SigV4QueryAuth',
    'from botocore.awsrequest import AWSRequest',
    'from botocore.credentials import Credentials',
    'key, secret, url = sys.argv[1:4]',
    'c = Credentials(key, secret)',
    "query = AWSRequest(method='GET', url=url)",
    "SigV4QueryAuth(c, 'execute-api', 'us-east-1', expires=300).add_auth(query)",
    "header = AWSRequest(method='GET', url=url)",
    "SigV4Auth(c, 'execute-api', 'us-east-1').add_auth(header)",
    "print(json.dumps({'url': query.url, 'headers': dict(header.headers)}))",
  ].join('\n');
  const http = url.replace(/^ws:/, 'http:');
  const out = spawnSync(
    'python3',
    ['-c', script, credentials.accessKeyId, credentials.secretAccessKey, http],
    {
      encoding: 'utf8',
    },
  );
  const signed = JSON.parse(out.stdout) as { url: string; headers: Record<string, string> };
  return { url: signed.url.replace(/^http:/, 'ws:'), headers: signed.headers };
}

describe('wskit local: AWS_IAM on $connect', () => {
  let server: LocalServer;
  let host: string;
  const logged: string[] = [];
  const saved = { ...process.env };
  beforeAll(async () => {
    const dir = writeSamApp(
      {
        ...websocketApi('iam', 'dev'),
        ...lambdaRoute('Api', '$connect', 'ConnectFunction', nodeFunction('connect.handler'), false),
        ...lambdaRoute('Api', 'whoami', 'WhoamiFunction', nodeFunction('whoami.handler')),
      },
      { 'src/connect.js': connect, 'src/whoami.js': whoami },
    );
    // The $connect route of lambdaRoute, made AWS_IAM.
    const template = join(dir, 'template.yml');
    writeFileSync(
      template,
      require('node:fs')
        .readFileSync(template, 'utf8')
        .replace('RouteKey: $connect', 'RouteKey: $connect\n      AuthorizationType: AWS_IAM'),
    );
    const credentials = join(dir, 'credentials');
    writeFileSync(
      credentials,
      [
        '[tester]',
        `aws_access_key_id = ${TESTER.accessKeyId}`,
        `aws_secret_access_key = ${TESTER.secretAccessKey}`,
        'account_id = 210987654321',
        'user_arn = arn:aws:iam::210987654321:user/tester',
        'caller = AIDAWSKITTESTER',
        '[guest]',
        `aws_access_key_id = ${GUEST.accessKeyId}`,
        `aws_secret_access_key = ${GUEST.secretAccessKey}`,
        'cognito_identity_id = us-east-1:0000-guest',
        'cognito_identity_pool_id = us-east-1:1111-pool',
        '',
      ].join('\n'),
    );
    // The credentials wskit itself runs with (as a developer's shell has them); no profile files.
    process.env.AWS_ACCESS_KEY_ID = RUNNING.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = RUNNING.secretAccessKey;
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'none');
    process.env.AWS_CONFIG_FILE = join(dir, 'none');
    server = await startLocal({
      appDir: dir,
      port: 0,
      iamCredentialFiles: [credentials],
      log: (line) => logged.push(line),
    });
    host = `127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    process.env = saved;
    await server?.close();
  });

  const signer = (credentials: Credentials, region = 'us-east-1') =>
    new SignatureV4({ credentials, region, service: 'execute-api', sha256: Sha256 });
  const request = () => ({
    method: 'GET',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: server.port,
    path: '/dev',
    query: {},
    headers: { host },
  });
  /** A presigned URL, as a browser app makes one for its `wss://` connection. */
  const presigned = async (
    credentials: Credentials,
    options: { signingDate?: Date; expiresIn?: number } = {},
  ) => {
    const signed = await signer(credentials).presign(request(), { expiresIn: 300, ...options });
    return `${server.url}?${new URLSearchParams(signed.query as Record<string, string>)}`;
  };
  /** Headers signed as the AWS CLI and SDKs sign a request. */
  const signedHeaders = async (credentials: Credentials, signingDate?: Date, region?: string) => {
    const signed = await signer(credentials, region).sign(request(), signingDate ? { signingDate } : {});
    const { host: _, ...headers } = signed.headers;
    return headers;
  };
  const ranConnect = () => logged.filter((line) => line.includes('connect ran')).length;
  const refused = async (url: string, headers?: Record<string, string>) => {
    const before = ranConnect();
    await expect(Client.connect(url, headers ? { headers } : undefined)).rejects.toMatchObject({
      status: 403,
    });
    expect(ranConnect()).toBe(before);
  };
  const identityOf = async (url: string, headers?: Record<string, string>) => {
    const client = await Client.connect(url, headers ? { headers } : undefined);
    const identity = JSON.parse(await client.request(JSON.stringify({ action: 'whoami' })));
    await client.close();
    return identity;
  };

  it('refuses a handshake with no signature with 403, before the $connect function runs', async () => {
    await refused(server.url);
    expect(logged.join('\n')).toContain('$connect AWS_IAM 403: no SigV4 signature');
  });

  it('accepts a browser-style presigned URL and fills requestContext.identity', async () => {
    const before = ranConnect();
    const identity = await identityOf(await presigned(TESTER));
    expect(ranConnect()).toBe(before + 1);
    expect(identity).toEqual({
      accessKey: TESTER.accessKeyId,
      accountId: '210987654321',
      caller: 'AIDAWSKITTESTER',
      user: 'AIDAWSKITTESTER',
      userArn: 'arn:aws:iam::210987654321:user/tester',
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      sourceIp: '127.0.0.1',
      userAgent: '',
    });
  });

  it('accepts Cognito guest credentials (with their session token) and names the Cognito identity', async () => {
    const url = await presigned(GUEST);
    expect(url).toContain('X-Amz-Security-Token=guest-session-token');
    expect(await identityOf(url)).toMatchObject({
      accessKey: GUEST.accessKeyId,
      cognitoIdentityId: 'us-east-1:0000-guest',
      cognitoIdentityPoolId: 'us-east-1:1111-pool',
    });
  });

  it('accepts a CLI-signed Authorization header with the credentials wskit runs with', async () => {
    const headers = await signedHeaders(RUNNING);
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAWSKITRUNNING0001\//);
    expect(await identityOf(server.url, headers)).toMatchObject({ accessKey: RUNNING.accessKeyId });
  });

  // botocore is the AWS CLI's signer; its presigned URLs hash the payload as UNSIGNED-PAYLOAD.
  (hasBotocore ? it : it.skip)(
    `accepts what botocore (the AWS CLI's signer) signs, URL and header alike, and refuses its wrong secret${hasBotocore ? '' : ' (skipped: python3 has no botocore)'}`,
    async () => {
      const signed = botocoreSigned(server.url, RUNNING);
      expect(await identityOf(signed.url)).toMatchObject({ accessKey: RUNNING.accessKeyId });
      expect(await identityOf(server.url, signed.headers)).toMatchObject({ accessKey: RUNNING.accessKeyId });
      const wrong = botocoreSigned(server.url, { ...RUNNING, secretAccessKey: 'not-the-secret' });
      await refused(wrong.url);
      await refused(server.url, wrong.headers);
    },
  );

  it('refuses a signature made with a wrong secret, in either form', async () => {
    const wrong = { ...TESTER, secretAccessKey: 'not-the-secret' };
    await refused(await presigned(wrong));
    await refused(server.url, await signedHeaders({ ...RUNNING, secretAccessKey: 'not-the-secret' }));
    expect(logged.join('\n')).toContain('$connect AWS_IAM 403: the signature does not match');
  });

  it('refuses a presigned URL whose query string was changed after signing', async () => {
    await refused(`${await presigned(TESTER)}&extra=1`);
  });

  it('refuses an expired presigned URL and a header signed more than 5 minutes ago', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000);
    await refused(await presigned(TESTER, { signingDate: hourAgo, expiresIn: 60 }));
    await refused(server.url, await signedHeaders(RUNNING, new Date(Date.now() - 10 * 60_000)));
    expect(logged.join('\n')).toContain('Signature expired');
  });

  it('refuses a signature scoped to another region', async () => {
    await refused(server.url, await signedHeaders(RUNNING, undefined, 'eu-west-1'));
    expect(logged.join('\n')).toContain('scoped to eu-west-1');
  });

  it('accepts an unknown key’s well-formed, in-date signature unverified, and says so', async () => {
    const stranger = { accessKeyId: 'AKIASTRANGER00000001', secretAccessKey: 'whatever' };
    expect(await identityOf(await presigned(stranger))).toMatchObject({ accessKey: stranger.accessKeyId });
    expect(logged.join('\n')).toContain(
      'access key AKIASTRANGER00000001 is not one whose secret wskit local holds: well-formed and in date, accepted unverified',
    );
  });

  it('says once in the banner whose keys verify and that others are accepted unverified', () => {
    const lines = banner(server.app, server.url, { iamKeySources: server.iamKeySources });
    expect(lines.find((line) => line.startsWith('  $connect '))).toContain('AWS_IAM');
    const iam = lines.filter((line) => line.startsWith('  AWS_IAM '));
    expect(iam).toEqual([
      expect.stringMatching(
        /SigV4 verified for the keys of AWS_ACCESS_KEY_ID, .*credentials \[tester\], .*credentials \[guest\]; any other key is accepted unverified when well-formed and in date/,
      ),
    ]);
    for (const secret of SECRETS) expect(iam[0]).not.toContain(secret);
  });

  it('names where its keys came from, and never logs a secret', () => {
    expect(server.iamKeySources).toEqual([
      'AWS_ACCESS_KEY_ID',
      expect.stringMatching(/credentials \[tester\]$/),
      expect.stringMatching(/credentials \[guest\]$/),
    ]);
    for (const secret of SECRETS) expect(logged.join('\n')).not.toContain(secret);
  });
});

describe('wskit local --iam-credentials', () => {
  it('refuses a credentials file that is not there, naming the flag and the expected format', async () => {
    const dir = writeApp({ Resources: websocketApi('iam-missing', 'dev') });
    const started = startLocal({ appDir: dir, port: 0, iamCredentialFiles: [join(dir, 'nowhere')] });
    await expect(started).rejects.toThrow(LocalError);
    await expect(started).rejects.toMatchObject({
      code: 'E_LOCAL_IAM_CREDENTIALS',
      message: `--iam-credentials ${join(dir, 'nowhere')}: no such file (expected a file in the AWS credentials file format)`,
    });
  });
});

describe('wskit local: SAM’s WebSocketApi with Auth AWS_IAM and a route with ApiKeyRequired', () => {
  let server: LocalServer;
  beforeAll(async () => {
    const dir = writeSamApp(
      {
        ChatApi: {
          Type: 'AWS::Serverless::WebSocketApi',
          Properties: {
            StageName: 'dev',
            RouteSelectionExpression: '$request.body.action',
            Auth: { AuthType: 'AWS_IAM' },
            Routes: {
              $connect: { FunctionArn: { 'Fn::GetAtt': ['ConnectFunction', 'Arn'] } },
              whoami: { FunctionArn: { 'Fn::GetAtt': ['WhoamiFunction', 'Arn'] }, ApiKeyRequired: true },
            },
          },
        },
        ConnectFunction: nodeFunction('connect.handler'),
        WhoamiFunction: nodeFunction('whoami.handler'),
      },
      { 'src/connect.js': connect, 'src/whoami.js': whoami },
    );
    server = await startLocal({ appDir: dir, port: 0, log: () => {} });
  });
  afterAll(() => server?.close());

  it('carries AWS_IAM to $connect and ApiKeyRequired to its route, as the SAM transform does', async () => {
    expect(server.app.routes.get('$connect')?.iam).toBe(true);
    expect(server.app.routes.get('whoami')?.apiKeyRequired).toBe(true);
    await expect(Client.connect(server.url)).rejects.toMatchObject({ status: 403 });
  });
});

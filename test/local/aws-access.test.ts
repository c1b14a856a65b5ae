/**
 * What handlers get to reach AWS: the developer's credential chain when there is one (found from
 * the environment and ~/.aws alone), dummy credentials when there is none (and AWS calls refused
 * here, as they could only fail there), and under --offline nothing of the developer's.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAwsAccess } from '../../generator/local/aws-access';
import { silentLogger } from '../../generator/local/log';

/** A home folder with these ~/.aws files. */
function home(files: { config?: string; credentials?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'wskit-home-'));
  mkdirSync(join(dir, '.aws'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, '.aws', name), text);
  return dir;
}

const access = (env: NodeJS.ProcessEnv, offline = false) =>
  startAwsAccess({ offline, host: '127.0.0.1', log: silentLogger, env });

describe('how handlers reach AWS', () => {
  it("passes the developer's AWS variables through", async () => {
    const env = {
      HOME: home(),
      AWS_ACCESS_KEY_ID: 'AKIADEV',
      AWS_SECRET_ACCESS_KEY: 's',
      AWS_PROFILE: 'x',
      AWS_LAMBDA_FUNCTION_NAME: 'no',
      OTHER: 'no',
    };
    const { environment, others } = await access(env);
    expect(environment).toMatchObject({
      AWS_ACCESS_KEY_ID: 'AKIADEV',
      AWS_SECRET_ACCESS_KEY: 's',
      AWS_PROFILE: 'x',
      HOME: env.HOME,
    });
    expect(environment).not.toHaveProperty('AWS_LAMBDA_FUNCTION_NAME');
    expect(environment).not.toHaveProperty('OTHER');
    expect(others).toMatch(/credentials from AWS_ACCESS_KEY_ID/);
  });

  it.each([
    [
      { credentials: '[default]\naws_access_key_id = AKIA1\naws_secret_access_key = s\n' },
      {},
      'profile default',
    ],
    [{ config: '[profile dev]\nsso_session = corp\n' }, { AWS_PROFILE: 'dev' }, 'profile dev'],
    [
      { config: '[profile ci]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = default\n' },
      { AWS_PROFILE: 'ci' },
      'profile ci',
    ],
  ])('finds a profile with credentials in ~/.aws %j %j', async (files, env, source) => {
    const dir = home(files);
    const { environment, others } = await access({ HOME: dir, ...env });
    expect(others).toContain(`credentials from ${source}`);
    expect(environment.HOME).toBe(dir);
    expect(environment).not.toHaveProperty('AWS_ACCESS_KEY_ID');
  });

  it.each([
    ['no ~/.aws', {}, {}],
    ['a profile with a region only', { config: '[default]\nregion = eu-west-1\n' }, {}],
    ['a profile that is not the one selected', { credentials: '[other]\naws_access_key_id = A\n' }, {}],
  ])(
    'gives dummy credentials with %s, so local services still take the calls, and refuses calls to AWS itself',
    async (_, files, env) => {
      const running = await access({ HOME: home(files), ...env });
      try {
        const { environment, others } = running;
        expect(environment.AWS_ACCESS_KEY_ID).toBe('AKIAWSKITLOCAL000000');
        expect(others).toMatch(/no AWS credentials were found, so nothing is sent to AWS/);
        expect(environment.AWS_ENDPOINT_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(running.offlineEndpoint).toBeUndefined(); // requests beyond AWS are left alone
        const response = await fetch(`${environment.AWS_ENDPOINT_URL}/`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            authorization:
              'AWS4-HMAC-SHA256 Credential=AKIAWSKITLOCAL000000/20261206/us-east-1/bedrock/aws4_request',
          },
        });
        expect([response.status, ((await response.json()) as { message: string }).message]).toEqual([
          403,
          expect.stringMatching(
            /^wskit local: bedrock is not served locally, and no AWS credentials were found/,
          ),
        ]);
      } finally {
        await running.close();
      }
    },
  );

  it('refuses over HTTP/2 too, as the SDK streaming clients (Bedrock Runtime) speak it to an http:// endpoint', async () => {
    const running = await access({ HOME: home() });
    const session = connect(running.environment.AWS_ENDPOINT_URL as string);
    try {
      const answer = await new Promise<[number, string]>((resolve, reject) => {
        const stream = session.request({
          ':method': 'POST',
          ':path': '/model/m/converse-stream',
          authorization:
            'AWS4-HMAC-SHA256 Credential=AKIAWSKITLOCAL000000/20261206/us-east-1/bedrock/aws4_request',
          'content-type': 'application/json',
        });
        let status = 0;
        let body = '';
        stream.on('response', (headers) => {
          status = Number(headers[':status']);
        });
        stream.on('data', (chunk) => {
          body += chunk;
        });
        stream.on('end', () => resolve([status, body]));
        stream.on('error', reject);
        stream.end('{}');
      });
      expect(answer[0]).toBe(403);
      expect(JSON.parse(answer[1])).toEqual({
        __type: 'OfflineRefused',
        message: expect.stringMatching(/^wskit local: bedrock is not served locally, and no AWS credentials/),
      });
    } finally {
      session.close();
      await running.close();
    }
  });

  it("keeps the developer's own AWS_ENDPOINT_URL when there are no credentials", async () => {
    const running = await access({ HOME: home(), AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' });
    try {
      expect(running.environment.AWS_ENDPOINT_URL).toBe('http://127.0.0.1:4566');
      expect(running.others).toMatch(/your AWS_ENDPOINT_URL http:\/\/127\.0\.0\.1:4566/);
    } finally {
      await running.close();
    }
  });

  it("hands nothing of the developer's over under --offline, and sends every other call to the refusing endpoint", async () => {
    const running = await access(
      { HOME: home(), AWS_ACCESS_KEY_ID: 'AKIADEV', AWS_SECRET_ACCESS_KEY: 's' },
      true,
    );
    try {
      const { environment } = running;
      expect(environment.AWS_ACCESS_KEY_ID).toBe('AKIAWSKITLOCAL000000');
      expect(environment.AWS_ENDPOINT_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(running.offlineEndpoint).toBe(environment.AWS_ENDPOINT_URL);
      const response = await fetch(`${environment.AWS_ENDPOINT_URL}/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-forwarded-host': 'sqs.us-east-1.amazonaws.com',
        },
      });
      expect([response.status, await response.json()]).toEqual([
        403,
        {
          __type: 'OfflineRefused',
          message: 'wskit local --offline: sqs is not served locally, and --offline refuses calls to AWS',
        },
      ]);
    } finally {
      await running.close();
    }
  });
});

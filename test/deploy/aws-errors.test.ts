import { explainAwsError } from '../../generator/deploy/aws';
import { WskitError } from '../../generator/errors';

const withName = (name: string, message: string, extra: object = {}) =>
  Object.assign(new Error(message), { name, ...extra });

describe('AWS errors as one line', () => {
  it.each([
    [
      withName('AccessDenied', 'no s3:PutObject', { $metadata: {} }),
      'AWS AccessDenied: no s3:PutObject (the credentials in use lack this permission)',
    ],
    [
      withName('ExpiredToken', 'expired', { $metadata: {} }),
      'AWS ExpiredToken: expired (credentials expired: refresh them, e.g. aws sso login)',
    ],
    [withName('ValidationError', 'bad template', { $metadata: {} }), 'AWS ValidationError: bad template'],
    [
      withName('CredentialsProviderError', 'Token is expired'),
      'AWS credentials stopped working: Token is expired',
    ],
    [
      withName('Error', 'getaddrinfo ENOTFOUND x', { code: 'ENOTFOUND' }),
      'cannot reach AWS (ENOTFOUND): getaddrinfo ENOTFOUND x',
    ],
  ])('%s', (error, message) => {
    const explained = explainAwsError(error);
    expect(explained).toBeInstanceOf(WskitError);
    expect((explained as Error).message).toBe(message);
  });

  it('leaves other errors (bugs) alone', () => {
    const bug = new TypeError('x is undefined');
    expect(explainAwsError(bug)).toBe(bug);
  });
});

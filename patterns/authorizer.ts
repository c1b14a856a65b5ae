/**
 * The `--authorizer` option every pattern has: a Lambda REQUEST authorizer on `$connect` that
 * checks a token from the query string (`?token=...`, what browsers can send) or the
 * `Authorization` header, against a NoEcho `AuthToken` parameter given at deploy time.
 */
import {
  type AppProps,
  lambdaFunction,
  mockIntegration,
  requestAuthorizer,
  route,
  secretParameter,
} from '../generator/model/build';
import { packagePath } from '../generator/paths';
import type { PatternInput, PatternOption } from '../generator/pattern';

export const authorizerOption: PatternOption = {
  name: 'authorizer',
  description:
    'a Lambda REQUEST authorizer on $connect, with the token in the query string or the Authorization header',
  values: ['none', 'query', 'header'],
  default: 'none',
};

/** The app's props with the authorizer the option asks for, and a MOCK `$connect` to hold it if the app has none. */
export function withAuthorizer(props: AppProps, { options, runtime }: PatternInput): AppProps {
  const source = options.authorizer ?? authorizerOption.default;
  if (source === 'none') return props;
  const fn = lambdaFunction('Authorizer', {
    entry: packagePath('functions', 'authorizer.ts'),
    description: 'Allows $connect when the token matches AuthToken',
    environment: {
      AUTH_TOKEN: secretParameter('AuthToken', 'Token clients present to connect (16 characters or more)'),
    },
    ...(runtime ? { runtime } : {}),
  });
  const hasConnect = props.routes.some((r) => r.routeKey === '$connect');
  return {
    ...props,
    routes: hasConnect ? props.routes : [route('$connect', mockIntegration()), ...props.routes],
    authorizer: requestAuthorizer(
      fn,
      source === 'query' ? { queryString: 'token' } : { header: 'Authorization' },
    ),
  };
}

/** The `$connect` authorizer, and the permission that lets only this API's authorizer invoke its function. */
import type { Authorizer } from '../model/types';
import { ref } from '../template/intrinsics';
import type { ResourceCollector } from './collector';
import { API_ID, authorizerIds, functionIds } from './ids';
import { apiInvokePermission, lambdaInvocationUri } from './routes';

export function addAuthorizer(out: ResourceCollector, authorizer: Authorizer): void {
  const ids = authorizerIds(authorizer);
  const fn = functionIds(authorizer.function).function;
  out.add(
    ids.authorizer,
    {
      Type: 'AWS::ApiGatewayV2::Authorizer',
      Properties: {
        ApiId: ref(API_ID),
        Name: ids.authorizer,
        AuthorizerType: 'REQUEST',
        AuthorizerUri: lambdaInvocationUri(fn),
        IdentitySource: [...authorizer.identitySource],
      },
    },
    `Authorizer ${authorizer.id}`,
  );
  // Only this API's authorizer, not its routes or another API.
  out.add(ids.permission, apiInvokePermission(fn, `authorizers/\${${ids.authorizer}}`));
}

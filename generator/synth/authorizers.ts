/** The `$connect` authorizer, and the permission that lets only this API's authorizer invoke its function. */
import type { Authorizer } from '../model/types';
import { ref, sub } from '../template/intrinsics';
import type { ResourceCollector } from './collector';
import { API_ID, authorizerIds, functionIds } from './ids';

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
        AuthorizerUri: sub(
          `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${fn}.Arn}/invocations`,
        ),
        IdentitySource: [...authorizer.identitySource],
      },
    },
    `Authorizer ${authorizer.id}`,
  );
  out.add(ids.permission, {
    Type: 'AWS::Lambda::Permission',
    Properties: {
      Action: 'lambda:InvokeFunction',
      FunctionName: ref(fn),
      Principal: 'apigateway.amazonaws.com',
      // Only this API's authorizer, not its routes or another API.
      SourceArn: sub(
        `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${API_ID}}/authorizers/\${${ids.authorizer}}`,
      ),
    },
  });
}

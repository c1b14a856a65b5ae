/**
 * The function of the sqs, sns and eventbridge patterns that answers senders: invoked by its event
 * source rather than the API, it reaches `@connections` through the endpoint in its environment,
 * allowed to POST to this API's stage only.
 */
import { connectionsEndpoint, grantConnections, lambdaFunction } from '../generator/model/build';
import type { EventSource, LambdaFunction } from '../generator/model/types';
import { packagePath } from '../generator/paths';
import type { PatternInput } from '../generator/pattern';

export function replyFunction(
  file: string,
  description: string,
  event: EventSource,
  { runtime }: PatternInput,
): LambdaFunction {
  return lambdaFunction('Reply', {
    entry: packagePath('functions', file),
    description,
    environment: { CONNECTIONS_ENDPOINT: connectionsEndpoint() },
    grants: [grantConnections(['POST'])],
    events: [event],
    ...(runtime ? { runtime } : {}),
  });
}

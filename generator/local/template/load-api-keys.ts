/**
 * API keys of a WebSocket API, as API Gateway reads them: the API's ApiKeySelectionExpression says
 * where a handshake's key is (`$request.header.x-api-key`, the default, or
 * `$context.authorizer.usageIdentifierKey`, from the `$connect` Lambda authorizer), and the
 * template's `AWS::ApiGateway::ApiKey` resources say which keys exist. Only keys whose Value the
 * template gives (and not `Enabled: false`) are known here: a key API Gateway generates has a value
 * nobody can know before the deploy.
 */
import type { Json, Resource, Template } from '../../template/types';
import type { LocalApiKeys } from '../types';

export const DEFAULT_API_KEY_SELECTION = '$request.header.x-api-key';

export function loadApiKeys(
  template: Template,
  api: Record<string, Json>,
  properties: (resource: Resource) => Record<string, Json>,
): LocalApiKeys {
  const values: string[] = [];
  let generated = 0;
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::ApiGateway::ApiKey') continue;
    const props = resolvedOrNone(properties, resource);
    if (props.Enabled === false || props.Enabled === 'false') continue;
    if (typeof props.Value === 'string') values.push(props.Value);
    else generated += 1;
  }
  const expression = api.ApiKeySelectionExpression;
  return {
    selectionExpression: typeof expression === 'string' ? expression : DEFAULT_API_KEY_SELECTION,
    values,
    generated,
  };
}

/** A key whose properties use an intrinsic wskit local cannot resolve counts as one with no known value. */
function resolvedOrNone(
  properties: (resource: Resource) => Record<string, Json>,
  resource: Resource,
): Record<string, Json> {
  try {
    return properties(resource);
  } catch {
    return {};
  }
}

/**
 * `AWS::Serverless::SimpleTable` as the SAM transform writes it: an `AWS::DynamoDB::Table` under the
 * same logical id, keyed by `PrimaryKey` (default `id`, a String) alone, on-demand unless
 * `ProvisionedThroughput` is given. `!Ref` and `!GetAtt` on the table then work as on any table.
 */
import { TemplateError } from './errors';
import type { Json, Resource, Template } from './types';

export const SAM_SIMPLE_TABLE = 'AWS::Serverless::SimpleTable';
/** The key SAM gives a SimpleTable without PrimaryKey. */
export const SIMPLE_TABLE_DEFAULT_KEY = { Name: 'id', Type: 'String' } as const;
const ATTRIBUTE_TYPES: Record<string, string> = { String: 'S', Number: 'N', Binary: 'B' };
const PASSED_THROUGH = ['TableName', 'Tags', 'SSESpecification', 'PointInTimeRecoverySpecification'];

type Props = Record<string, Json>;

/** The template with every SimpleTable replaced by its DynamoDB table. */
export function expandSimpleTables(template: Template): Template {
  if (!Object.values(template.Resources).some((r) => r.Type === SAM_SIMPLE_TABLE)) return template;
  const resources: Record<string, Resource> = {};
  for (const [id, resource] of Object.entries(template.Resources)) {
    resources[id] = resource.Type === SAM_SIMPLE_TABLE ? simpleTable(id, resource) : resource;
  }
  return { ...template, Resources: resources };
}

function simpleTable(id: string, resource: Resource): Resource {
  const props = (resource.Properties ?? {}) as Props;
  const key = (props.PrimaryKey ?? SIMPLE_TABLE_DEFAULT_KEY) as Props;
  const type = ATTRIBUTE_TYPES[String(key.Type)];
  if (!type || key.Name === undefined) {
    throw new TemplateError(
      'E_SAM_SIMPLE_TABLE',
      `${id}: PrimaryKey needs a Name and a Type of ${Object.keys(ATTRIBUTE_TYPES).join(', ')} (got ${JSON.stringify(key)})`,
      `Resources.${id}.Properties.PrimaryKey`,
    );
  }
  const table: Props = {
    AttributeDefinitions: [{ AttributeName: key.Name, AttributeType: type }],
    KeySchema: [{ AttributeName: key.Name, KeyType: 'HASH' }],
    ...(props.ProvisionedThroughput !== undefined
      ? { ProvisionedThroughput: props.ProvisionedThroughput }
      : { BillingMode: 'PAY_PER_REQUEST' }),
  };
  for (const name of PASSED_THROUGH) if (props[name] !== undefined) table[name] = props[name] as Json;
  const { Properties: _sam, ...attributes } = resource;
  return { ...attributes, Type: 'AWS::DynamoDB::Table', Properties: table };
}

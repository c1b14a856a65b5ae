/** The connections table, and the grants and environment values that point at it. */
import { ModelError, show } from '../errors';
import { checkId, checkOneOf, checkPattern } from './check';
import { DEFAULTS } from './defaults';
import {
  CONNECTIONS_METHODS,
  type ConnectionsMethod,
  type EnvironmentValue,
  type Grant,
  type Table,
} from './types';

export interface TableProps {
  /** @default 'connectionId' */
  readonly partitionKey?: string;
  /** @default 'ttl' */
  readonly ttlAttribute?: string;
}

/** A DynamoDB table keyed by connection id, with TTL, billed per request. Makes `AWS::DynamoDB::Table`. */
export function connectionsTable(id: string, props: TableProps = {}): Table {
  const path = `table ${show(id)}`;
  const attribute = /^[A-Za-z0-9_.-]{1,255}$/;
  return {
    kind: 'table',
    id: checkId(path, id),
    partitionKey: checkPattern(
      `${path} partitionKey`,
      props.partitionKey ?? DEFAULTS.tablePartitionKey,
      attribute,
      'an attribute name',
    ),
    ttlAttribute: checkPattern(
      `${path} ttlAttribute`,
      props.ttlAttribute ?? DEFAULTS.tableTtlAttribute,
      attribute,
      'an attribute name',
    ),
  };
}

/** The table's name, for a function's environment. */
export const tableName = (table: Table): EnvironmentValue => ({ kind: 'tableName', table });

/**
 * This API's `@connections` endpoint (its stage included), for functions that answer clients but
 * are invoked by a queue, topic or rule rather than by the API.
 */
export const connectionsEndpoint = (): EnvironmentValue => ({ kind: 'connectionsEndpoint' });

/** Allows these DynamoDB actions on this one table. */
export function grantTable(table: Table, actions: readonly string[]): Grant {
  const path = `grant on table ${show(table.id)}`;
  if (actions.length === 0) throw new ModelError('E_MODEL_GRANT', `${path}: list at least one action`, path);
  for (const action of actions)
    checkPattern(
      `${path} action`,
      action,
      /^dynamodb:[A-Za-z]+$/,
      'a DynamoDB action such as "dynamodb:PutItem"',
    );
  return { kind: 'table', table, actions: [...new Set(actions)].sort() };
}

/** Allows calling this API's `@connections` endpoint with these methods (POST sends to a client). */
export function grantConnections(methods: readonly ConnectionsMethod[]): Grant {
  if (methods.length === 0)
    throw new ModelError('E_MODEL_GRANT', 'grant on @connections: list at least one method');
  for (const method of methods) checkOneOf('grant on @connections method', method, CONNECTIONS_METHODS);
  return { kind: 'connections', methods: [...new Set(methods)].sort() };
}

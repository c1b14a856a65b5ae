/** DynamoDB tables: on-demand, encrypted, expiring items through TTL. */
import type { Table } from '../model/types';
import type { ResourceCollector } from './collector';
import { tableIds } from './ids';

export function addTable(out: ResourceCollector, table: Table): void {
  out.add(
    tableIds(table).table,
    {
      Type: 'AWS::DynamoDB::Table',
      // Connection ids are only valid while a client is connected: nothing to keep on delete.
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
      Properties: {
        AttributeDefinitions: [{ AttributeName: table.partitionKey, AttributeType: 'S' }],
        KeySchema: [{ AttributeName: table.partitionKey, KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
      },
    },
    `Table ${table.id}`,
  );
}

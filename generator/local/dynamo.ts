/**
 * The template's DynamoDB tables on a DynamoDB-compatible server (dynalite, in memory) on loopback,
 * created at start so handlers find them by the names their environment variables carry.
 */
import type { AddressInfo } from 'node:net';
import type { Json } from '../template/types';
import { LocalError } from './errors';
import type { LocalTable } from './types';
import { urlHost } from './url-host';

export interface LocalDynamo {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function startDynamo(tables: readonly LocalTable[], host: string): Promise<LocalDynamo> {
  const { default: dynalite } = await import('dynalite');
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const endpoint = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  try {
    await createTables(endpoint, tables);
  } catch (error) {
    await close();
    throw error;
  }
  return { endpoint, close };
}

const CREATE_TABLE_FIELDS = [
  'AttributeDefinitions',
  'KeySchema',
  'GlobalSecondaryIndexes',
  'LocalSecondaryIndexes',
  'StreamSpecification',
] as const;

async function createTables(endpoint: string, tables: readonly LocalTable[]): Promise<void> {
  if (tables.length === 0) return;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { DynamoDBClient, CreateTableCommand } = await import('@aws-sdk/client-dynamodb');
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    for (const table of tables) {
      const input: Record<string, Json> = { TableName: table.name, BillingMode: 'PAY_PER_REQUEST' };
      for (const field of CREATE_TABLE_FIELDS) {
        const value = table.properties[field];
        if (value !== undefined) input[field] = field.endsWith('Indexes') ? withoutThroughput(value) : value;
      }
      try {
        await client.send(new CreateTableCommand(input as never));
      } catch (error) {
        throw new LocalError('E_LOCAL_TABLE', `table ${table.id}: ${(error as Error).message}`, table.id);
      }
    }
  } finally {
    client.destroy();
  }
}

/** Indexes of an on-demand table carry no throughput. */
function withoutThroughput(indexes: Json): Json {
  return (indexes as Record<string, Json>[]).map(({ ProvisionedThroughput: _, ...index }) => index);
}

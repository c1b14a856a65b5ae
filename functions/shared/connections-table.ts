/** The connections table: one item per open WebSocket connection, expiring through TTL. */
import { DeleteItemCommand, DynamoDBClient, PutItemCommand, paginateScan } from '@aws-sdk/client-dynamodb';

// Created once per container and reused across invocations.
const dynamodb = new DynamoDBClient({});

/** API Gateway closes a connection after 2 hours at most; later items are stale. */
const CONNECTION_LIFETIME_SECONDS = 2 * 60 * 60;

function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

export async function saveConnection(connectionId: string, nowMillis = Date.now()): Promise<void> {
  const expiresAt = Math.floor(nowMillis / 1000) + CONNECTION_LIFETIME_SECONDS;
  await dynamodb.send(
    new PutItemCommand({
      TableName: tableName(),
      Item: { connectionId: { S: connectionId }, ttl: { N: String(expiresAt) } },
    }),
  );
}

export async function removeConnection(connectionId: string): Promise<void> {
  await dynamodb.send(
    new DeleteItemCommand({ TableName: tableName(), Key: { connectionId: { S: connectionId } } }),
  );
}

/** Every stored connection id, page by page. */
export async function* connectionIds(): AsyncGenerator<string> {
  const pages = paginateScan(
    { client: dynamodb },
    { TableName: tableName(), ProjectionExpression: 'connectionId' },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      const id = item.connectionId?.S;
      if (id) yield id;
    }
  }
}

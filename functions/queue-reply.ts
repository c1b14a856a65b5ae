/**
 * Queue consumer: reads messages in batches and answers each sender through `@connections`. The
 * sender's connection id travels in the `connectionId` message attribute. A message that is not
 * JSON is reported as failed, so SQS retries only it and, after maxReceiveCount receives, moves it
 * to the dead-letter queue. A sender that has left (410) is not a failure: nobody is left to answer.
 */
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { connectionsEndpoint, sendTo } from './shared/management-api';

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const endpoint = connectionsEndpoint();
  const batchItemFailures: SQSBatchItemFailure[] = [];
  await Promise.all(
    event.Records.map(async (record) => {
      try {
        await answer(endpoint, record);
      } catch (error) {
        console.error(`message ${record.messageId} failed: ${(error as Error).message}`);
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }),
  );
  return { batchItemFailures };
}

async function answer(endpoint: string, record: SQSRecord): Promise<void> {
  const connectionId = record.messageAttributes.connectionId?.stringValue;
  if (!connectionId) throw new Error('no connectionId message attribute');
  const message: unknown = JSON.parse(record.body);
  const delivered = await sendTo(
    endpoint,
    connectionId,
    JSON.stringify({ processed: message, messageId: record.messageId }),
  );
  if (!delivered) console.log(`connection ${connectionId} is gone; message ${record.messageId} dropped`);
}

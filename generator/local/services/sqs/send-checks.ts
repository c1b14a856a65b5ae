/**
 * What SQS refuses in a send, with its error names and messages: an empty body, a message (body and
 * attributes together) over MaximumMessageSize, MessageGroupId or MessageDeduplicationId on a
 * standard queue, a FIFO send without MessageGroupId, with a per-message DelaySeconds, or without a
 * deduplication id on a queue without ContentBasedDeduplication.
 */
import type { MessageAttributes } from './md5';
import type { QueueConfig, SendInput, SqsFailure } from './types';

export type { SqsFailure } from './types';

export const sqsFailure = (code: string, message: string): SqsFailure => ({ failure: true, code, message });

export function checkSend(config: QueueConfig, input: SendInput): SqsFailure | undefined {
  const size = Buffer.byteLength(input.body) + attributesSize(input.attributes ?? {});
  if (input.body.length === 0) {
    return sqsFailure('MissingParameter', 'The request must contain the parameter MessageBody.');
  }
  if (size > config.maxMessageBytes) {
    return sqsFailure(
      'InvalidParameterValue',
      `One or more parameters are invalid. Reason: Message must be shorter than ${config.maxMessageBytes} bytes.`,
    );
  }
  if (!config.fifo) {
    if (input.groupId !== undefined || input.deduplicationId !== undefined) {
      return sqsFailure(
        'InvalidParameterValue',
        'The request include parameter that is not valid for this queue type. Reason: MessageGroupId and MessageDeduplicationId are only valid for FIFO queues.',
      );
    }
    return undefined;
  }
  if (input.groupId === undefined) {
    return sqsFailure('MissingParameter', 'The request must contain the parameter MessageGroupId.');
  }
  if (input.delaySeconds !== undefined) {
    return sqsFailure(
      'InvalidParameterValue',
      'Value for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.',
    );
  }
  if (input.deduplicationId === undefined && !config.contentBasedDeduplication) {
    return sqsFailure(
      'InvalidParameterValue',
      'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    );
  }
  return undefined;
}

/** Attribute names, types and values count towards the message size, as on SQS. */
function attributesSize(attributes: MessageAttributes): number {
  let size = 0;
  for (const [name, value] of Object.entries(attributes)) {
    size += Buffer.byteLength(name) + Buffer.byteLength(value.DataType);
    size += value.StringValue !== undefined ? Buffer.byteLength(value.StringValue) : 0;
    size += value.BinaryValue !== undefined ? Buffer.from(value.BinaryValue, 'base64').length : 0;
  }
  return size;
}

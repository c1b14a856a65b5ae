/**
 * The MD5 digests SQS returns with SendMessage and ReceiveMessage, computed as SQS computes them, so
 * SDKs that check them (the JavaScript SDK's md5 middleware, boto3) accept local answers:
 * - MD5OfMessageBody: the hex MD5 of the body's UTF-8 bytes;
 * - MD5OfMessageAttributes: the hex MD5 of the attributes sorted by name, each written as its name,
 *   its data type (each a 4-byte big-endian length and the UTF-8 bytes), one transport byte
 *   (1 for String and Number, 2 for Binary), then its value as a length and bytes.
 */
import { createHash } from 'node:crypto';

export interface MessageAttributeValue {
  readonly DataType: string;
  readonly StringValue?: string;
  /** Base64, as the JSON protocol carries it. */
  readonly BinaryValue?: string;
}

export type MessageAttributes = Readonly<Record<string, MessageAttributeValue>>;

export const md5Hex = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

export function md5OfAttributes(attributes: MessageAttributes): string | undefined {
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return undefined;
  const hash = createHash('md5');
  const field = (bytes: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hash.update(length).update(bytes);
  };
  for (const name of names) {
    const { DataType, StringValue, BinaryValue } = attributes[name] as MessageAttributeValue;
    field(Buffer.from(name, 'utf8'));
    field(Buffer.from(DataType, 'utf8'));
    const binary = DataType.startsWith('Binary');
    hash.update(Buffer.from([binary ? 2 : 1]));
    field(binary ? Buffer.from(BinaryValue ?? '', 'base64') : Buffer.from(StringValue ?? '', 'utf8'));
  }
  return hash.digest('hex');
}

/**
 * The query protocol's shapes as the JSON protocol's, for services that take both (SQS, SNS): a
 * form body decodes to lists of `{ Name, Value }` pairs where JSON has a map of message
 * attributes, and to SQS's own list names (`SendMessageBatchRequestEntry`, `AttributeName`) where
 * JSON has `Entries` and `AttributeNames`. Requests already in JSON shape pass unchanged.
 */

type Request = Record<string, unknown>;

/** `[{ Name, Value: { DataType, StringValue } }]` → `{ [Name]: { DataType, StringValue } }`. */
export function attributeMap(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return Object.fromEntries(
    value.map((pair: { Name?: unknown; Value?: unknown }) => [String(pair?.Name), pair?.Value ?? {}]),
  );
}

/** SQS list names of the query protocol, and the JSON names they stand for. */
const SQS_LISTS: Readonly<Record<string, string>> = {
  SendMessageBatchRequestEntry: 'Entries',
  DeleteMessageBatchRequestEntry: 'Entries',
  ChangeMessageVisibilityBatchRequestEntry: 'Entries',
  AttributeName: 'AttributeNames',
  MessageAttributeName: 'MessageAttributeNames',
  MessageSystemAttributeName: 'MessageSystemAttributeNames',
};

/** An SQS request from either protocol, in the JSON protocol's shape. */
export function sqsJsonShape(request: Request): Request {
  const out: Request = {};
  for (const [key, value] of Object.entries(request)) {
    if (key === 'MessageAttribute') out.MessageAttributes = attributeMap(value);
    else if (key in SQS_LISTS) {
      const list = Array.isArray(value) ? value : [value];
      out[SQS_LISTS[key] as string] = list.map((item) =>
        item !== null && typeof item === 'object' ? sqsJsonShape(item as Request) : item,
      );
    } else out[key] = value;
  }
  return out;
}

/** An SNS request from either protocol, in the JSON shape (attribute maps, batch entries). */
export function snsJsonShape(request: Request): Request {
  const out: Request = { ...request };
  if (out.MessageAttributes !== undefined) out.MessageAttributes = attributeMap(out.MessageAttributes);
  if (Array.isArray(out.PublishBatchRequestEntries)) {
    out.PublishBatchRequestEntries = out.PublishBatchRequestEntries.map((entry) =>
      snsJsonShape(entry as Request),
    );
  }
  return out;
}

/**
 * The query protocol's shapes beside the JSON protocol's, for services that take both (SQS, SNS):
 * - requests: a form body decodes to lists of `{ Name, Value }` pairs where JSON has a map of
 *   message attributes, and to SQS's own list names (`SendMessageBatchRequestEntry`,
 *   `AttributeName`) where JSON has `Entries` and `AttributeNames`. Requests already in JSON shape
 *   pass unchanged;
 * - answers: the query protocol wraps a result as `{ <Action>Response: { <Action>Result, ResponseMetadata } }`
 *   and an error as `{ Error: { Type, Code, Message }, RequestId }` (in XML inside `<ErrorResponse>`,
 *   in JSON as API Gateway reads it). The code is the query protocol's own (SQS's
 *   `AWS.SimpleQueueService.NonExistentQueue`, from the `x-amzn-query-error` header the JSON answer
 *   carries), the status the service's.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceResponse } from './types';

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

/**
 * A service's JSON-protocol answer in the query protocol's structure (XML or JSON alike). `result`
 * is what goes in `<Action>Result`; an action whose output is empty (DeleteMessage) has none.
 */
export function queryAnswer(
  action: string,
  answer: ServiceResponse,
  result: unknown | undefined,
): Record<string, unknown> {
  // Each answer has its own request id, as AWS's do.
  const requestId = randomUUID();
  if (answer.statusCode < 300) {
    return {
      [`${action}Response`]: {
        ...(result !== undefined ? { [`${action}Result`]: result } : {}),
        ResponseMetadata: { RequestId: requestId },
      },
    };
  }
  // `x-amzn-query-error: AWS.SimpleQueueService.NonExistentQueue;Sender`, else the JSON error name.
  const [queryCode, queryType] = (answer.headers?.['x-amzn-query-error'] ?? '').split(';');
  const code =
    queryCode ||
    String(answer.body.__type ?? 'InternalFailure')
      .split('#')
      .at(-1);
  const type = queryType || (answer.statusCode >= 500 ? 'Receiver' : 'Sender');
  return {
    Error: { Type: type, Code: code, Message: String(answer.body.message ?? '') },
    RequestId: requestId,
  };
}

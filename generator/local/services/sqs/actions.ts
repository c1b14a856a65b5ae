/**
 * SQS's API over the template's queues, in the AWS JSON protocol's input and output shapes
 * (SendMessage, SendMessageBatch, ReceiveMessage with long polling, DeleteMessage,
 * DeleteMessageBatch, ChangeMessageVisibility (and batch), GetQueueUrl, GetQueueAttributes, ListQueues,
 * PurgeQueue). Errors answer 400 as SQS does: `__type` is `com.amazonaws.sqs#<Name>`
 * (`QueueDoesNotExist`), and the `x-amzn-query-error` header carries the query protocol's code
 * (`AWS.SimpleQueueService.NonExistentQueue;Sender`), which SDKs in query-compatible mode report.
 */
import { sqsJsonShape } from '../query-shapes';
import type { ServiceAction, ServiceResponse } from '../types';
import type { MessageAttributes } from './md5';
import type { Queue, ReceivedMessage, SendInput } from './queue';
import type { QueueSet } from './queues';
import { type SqsFailure, sqsFailure } from './send-checks';

/** The query protocol codes SQS's model gives its errors (awsQueryError); others keep their name. */
const QUERY_CODES: Readonly<Record<string, string>> = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  MessageNotInflight: 'AWS.SimpleQueueService.MessageNotInflight',
  BatchEntryIdsNotDistinct: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
  EmptyBatchRequest: 'AWS.SimpleQueueService.EmptyBatchRequest',
  TooManyEntriesInBatchRequest: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
  InvalidBatchEntryId: 'AWS.SimpleQueueService.InvalidBatchEntryId',
};

const MAX_BATCH = 10;

export const queueDoesNotExist = sqsFailure('QueueDoesNotExist', 'The specified queue does not exist.');

export function errorResponse(failure: SqsFailure): ServiceResponse {
  return {
    statusCode: 400,
    body: { __type: `com.amazonaws.sqs#${failure.code}`, message: failure.message },
    headers: { 'x-amzn-query-error': `${QUERY_CODES[failure.code] ?? failure.code};Sender` },
  };
}

type Request = Record<string, unknown>;
const ok = (body: Record<string, unknown> = {}): ServiceResponse => ({ statusCode: 200, body });

/** The request's fields as a send; shared by SendMessage, its batch entries and the Step Functions task. */
export function sendInput(request: Request): SendInput {
  const body = request.MessageBody;
  return {
    body: typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body),
    ...(request.MessageAttributes ? { attributes: request.MessageAttributes as MessageAttributes } : {}),
    ...(request.DelaySeconds !== undefined ? { delaySeconds: Number(request.DelaySeconds) } : {}),
    ...(request.MessageGroupId !== undefined ? { groupId: String(request.MessageGroupId) } : {}),
    ...(request.MessageDeduplicationId !== undefined
      ? { deduplicationId: String(request.MessageDeduplicationId) }
      : {}),
  };
}

/** The actions over the current set of queues (`--watch` may replace it). */
export function sqsActions(current: () => QueueSet): Record<string, ServiceAction> {
  /** Runs `action` on the request's queue, or answers QueueDoesNotExist. */
  const onQueue =
    (action: (queue: Queue, request: Request) => ServiceResponse | Promise<ServiceResponse>): ServiceAction =>
    async (raw, call) => {
      const request = sqsJsonShape(raw);
      // A `path/<account>/<queue>` integration names the queue in its URI.
      const reference = request.QueueUrl ?? call?.path;
      const queue = typeof reference === 'string' ? current().find(reference) : undefined;
      return queue ? action(queue, request) : errorResponse(queueDoesNotExist);
    };
  const result = (outcome: SqsFailure | undefined) => (outcome ? errorResponse(outcome) : ok());

  return {
    'sqs:SendMessage': onQueue((queue, request) => {
      const sent = current().send(queue, sendInput(request));
      return 'failure' in sent ? errorResponse(sent) : ok({ ...sent });
    }),
    'sqs:SendMessageBatch': onQueue((queue, request) =>
      batch(request, (entry) => {
        const sent = current().send(queue, sendInput(entry));
        return 'failure' in sent ? sent : { ...sent };
      }),
    ),
    'sqs:ReceiveMessage': onQueue(async (queue, request) => ok(await receive(current(), queue, request))),
    'sqs:DeleteMessage': onQueue((queue, request) => result(queue.delete(String(request.ReceiptHandle)))),
    'sqs:DeleteMessageBatch': onQueue((queue, request) =>
      batch(request, (entry) => queue.delete(String(entry.ReceiptHandle)) ?? {}),
    ),
    'sqs:ChangeMessageVisibility': onQueue((queue, request) => {
      const outcome = queue.changeVisibility(
        String(request.ReceiptHandle),
        Number(request.VisibilityTimeout),
      );
      current().changed(queue);
      return result(outcome);
    }),
    'sqs:ChangeMessageVisibilityBatch': onQueue((queue, request) => {
      const answer = batch(
        request,
        (entry) => queue.changeVisibility(String(entry.ReceiptHandle), Number(entry.VisibilityTimeout)) ?? {},
      );
      current().changed(queue);
      return answer;
    }),
    'sqs:GetQueueUrl': async (request) => {
      const queue = current()
        .all()
        .find((q) => q.name === request.QueueName);
      return queue ? ok({ QueueUrl: queue.url }) : errorResponse(queueDoesNotExist);
    },
    'sqs:GetQueueAttributes': onQueue((queue, request) => {
      const names = (request.AttributeNames as string[] | undefined) ?? [];
      const all = queue.attributes();
      const wanted = names.includes('All')
        ? all
        : Object.fromEntries(names.flatMap((n) => (n in all ? [[n, all[n]]] : [])));
      return ok({ Attributes: wanted });
    }),
    'sqs:ListQueues': async (request) => {
      const prefix = String(request.QueueNamePrefix ?? '');
      return ok({
        QueueUrls: current()
          .all()
          .filter((q) => q.name.startsWith(prefix))
          .map((q) => q.url),
      });
    },
    'sqs:PurgeQueue': onQueue((queue) => {
      queue.purge();
      return ok();
    }),
  };
}

/** A batch: each entry's outcome under its Id, in Successful or Failed. */
function batch(
  request: Request,
  each: (entry: Request) => SqsFailure | Record<string, unknown>,
): ServiceResponse {
  const entries = (request.Entries as Request[] | undefined) ?? [];
  if (entries.length === 0) {
    return errorResponse(
      sqsFailure(
        'EmptyBatchRequest',
        'There should be at least one SendMessageBatchRequestEntry in the request.',
      ),
    );
  }
  if (entries.length > MAX_BATCH) {
    return errorResponse(
      sqsFailure(
        'TooManyEntriesInBatchRequest',
        `Maximum number of entries per request are ${MAX_BATCH}. You have sent ${entries.length}.`,
      ),
    );
  }
  const ids = entries.map((entry) => String(entry.Id));
  if (new Set(ids).size !== ids.length) {
    return errorResponse(
      sqsFailure('BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.'),
    );
  }
  const Successful: Record<string, unknown>[] = [];
  const Failed: Record<string, unknown>[] = [];
  for (const entry of entries) {
    const outcome = each(entry);
    if ('failure' in outcome)
      Failed.push({ Id: entry.Id, SenderFault: true, Code: outcome.code, Message: outcome.message });
    else Successful.push({ Id: entry.Id, ...outcome });
  }
  return ok({ Successful, Failed });
}

/** ReceiveMessage; with WaitTimeSeconds, waits until a message is there or the time is up. */
async function receive(queues: QueueSet, queue: Queue, request: Request): Promise<Record<string, unknown>> {
  const max = Math.min(MAX_BATCH, Math.max(1, Number(request.MaxNumberOfMessages ?? 1)));
  const visibility = request.VisibilityTimeout === undefined ? undefined : Number(request.VisibilityTimeout);
  let messages = queue.receive(max, visibility);
  const waitSeconds = Number(request.WaitTimeSeconds ?? 0);
  if (messages.length === 0 && waitSeconds > 0) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, waitSeconds * 1000);
      const stop = queues.listen(queue, done);
      function done() {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
    messages = queue.receive(max, visibility);
  }
  if (messages.length === 0) return {};
  const systemNames = [
    ...((request.AttributeNames as string[] | undefined) ?? []),
    ...((request.MessageSystemAttributeNames as string[] | undefined) ?? []),
  ];
  const attributeNames = (request.MessageAttributeNames as string[] | undefined) ?? [];
  return { Messages: messages.map((message) => filtered(message, systemNames, attributeNames)) };
}

/** Only the system and message attributes the receive asked for, as SQS answers. */
function filtered(message: ReceivedMessage, systemNames: string[], attributeNames: string[]) {
  const { Attributes, MessageAttributes: attributes, ...rest } = message;
  const wantsAll = (names: string[]) => names.includes('All') || names.includes('.*');
  const system = wantsAll(systemNames)
    ? Attributes
    : Object.fromEntries(Object.entries(Attributes).filter(([name]) => systemNames.includes(name)));
  const wanted = Object.entries(attributes ?? {}).filter(
    ([name]) =>
      wantsAll(attributeNames) ||
      attributeNames.some((n) => n === name || (n.endsWith('.*') && name.startsWith(n.slice(0, -1)))),
  );
  return {
    ...rest,
    ...(Object.keys(system).length ? { Attributes: system } : {}),
    ...(wanted.length ? { MessageAttributes: Object.fromEntries(wanted) } : {}),
  };
}

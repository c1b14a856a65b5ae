/**
 * An SQS event source mapping as Lambda runs it: pollers take batches of up to BatchSize messages
 * (waiting up to MaximumBatchingWindowInSeconds to fill one), invoke the function with the event
 * Lambda sends (`{ Records: [...] }`, `eventSource: aws:sqs`), and delete the batch when the
 * function succeeds. A failed invocation deletes nothing: the messages come back after their
 * visibility timeout, and a redrive policy ends them in the dead-letter queue. With
 * ReportBatchItemFailures, a `{ batchItemFailures: [{ itemIdentifier }] }` answer keeps only the
 * named messages; an identifier that is empty or not in the batch fails the whole batch, as on
 * Lambda. Up to five batches run at once (Lambda's first pollers); FIFO groups stay in order
 * because the queue never hands out a group with a message in flight.
 */
import type { InvokeOutcome } from '../../lambda/pool';
import type { Logger } from '../../log';
import { reportedFailures } from '../batch-failures';
import { logDelivery } from '../delivery-log';
import type { Queue, ReceivedMessage } from './queue';
import type { QueueSet } from './queues';
import type { EventSourceMapping } from './template';

const POLLERS = 5;

export interface EventSourceDeps {
  readonly queues: QueueSet;
  readonly region: string;
  readonly log: Logger;
  readonly functionName: string;
  invoke(functionId: string, event: unknown): Promise<InvokeOutcome>;
}

export class SqsEventSource {
  private running = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private timer?: NodeJS.Timeout;
  private timerAt = Number.POSITIVE_INFINITY;
  private windowStartedAt?: number;
  private readonly stopListening: () => void;
  private stopped = false;
  private scheduled = false;

  constructor(
    private readonly mapping: EventSourceMapping,
    private readonly queue: Queue,
    private readonly deps: EventSourceDeps,
  ) {
    this.stopListening = deps.queues.listen(queue, () => this.schedule());
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopListening();
    clearTimeout(this.timer);
    await Promise.all(this.inFlight);
  }

  /** Pumps once after the current turn, so the entries of one SendMessageBatch share a batch. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (!this.stopped && this.running < POLLERS) {
      const waitUntil = this.batchWindowEnd();
      if (waitUntil !== undefined) {
        this.wakeAt(waitUntil);
        return;
      }
      const messages = this.queue.receive(this.mapping.batchSize);
      if (messages.length === 0) break;
      this.windowStartedAt = undefined;
      this.running += 1;
      const work = this.deliver(messages).finally(() => {
        this.running -= 1;
        this.inFlight.delete(work);
        this.pump();
      });
      this.inFlight.add(work);
    }
    const next = this.queue.nextVisibleAt();
    if (!this.stopped && next !== undefined) this.wakeAt(next);
  }

  /** While a batch is not full, wait out the batching window from the first message seen. */
  private batchWindowEnd(): number | undefined {
    const { batchingWindowMs, batchSize } = this.mapping;
    const visible = this.queue.visibleCount();
    if (batchingWindowMs === 0 || visible === 0 || visible >= batchSize) return undefined;
    const now = this.deps.queues.now();
    this.windowStartedAt ??= now;
    const end = this.windowStartedAt + batchingWindowMs;
    return now < end ? end : undefined;
  }

  private wakeAt(at: number): void {
    if (at >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timerAt = Number.POSITIVE_INFINITY;
        this.pump();
      },
      Math.max(0, at - this.deps.queues.now()),
    ).unref();
  }

  private async deliver(messages: ReceivedMessage[]): Promise<void> {
    const started = Date.now();
    const { deps, mapping, queue } = this;
    const event = { Records: messages.map((message) => sqsRecord(message, queue.config.arn, deps.region)) };
    deps.log.detail(`sqs ${queue.config.name} → ${deps.functionName} event`, event);
    const outcome = await deps.invoke(mapping.functionId, event);
    const failed = !outcome.ok
      ? 'all'
      : mapping.reportBatchItemFailures
        ? reportedFailures(
            outcome.result,
            messages.map((m) => m.MessageId),
          )
        : new Set<string>();
    const kept = failed === 'all' ? messages : messages.filter((m) => failed.has(m.MessageId));
    for (const message of messages) if (!kept.includes(message)) queue.delete(message.ReceiptHandle);
    const count = `${messages.length} message${messages.length === 1 ? '' : 's'}`;
    const status = !outcome.ok
      ? `error ${outcome.error.errorType}: ${outcome.error.errorMessage} (${count} back after the visibility timeout)`
      : kept.length === 0
        ? `ok (${count})`
        : `${kept.length} of ${count} failed (back after the visibility timeout)`;
    logDelivery(deps.log, `sqs ${queue.config.name}`, deps.functionName, status, started);
  }
}

/** One record of the event SQS sends Lambda. */
export function sqsRecord(message: ReceivedMessage, queueArn: string, region: string) {
  return {
    messageId: message.MessageId,
    receiptHandle: message.ReceiptHandle,
    body: message.Body,
    attributes: message.Attributes,
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        {
          ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
          ...(value.BinaryValue !== undefined ? { binaryValue: value.BinaryValue } : {}),
          stringListValues: [],
          binaryListValues: [],
          dataType: value.DataType,
        },
      ]),
    ),
    md5OfBody: message.MD5OfBody,
    ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

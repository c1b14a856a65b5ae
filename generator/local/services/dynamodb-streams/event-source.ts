/**
 * A DynamoDB stream event source as Lambda runs it (SAM `Events: Type: DynamoDB` or an
 * `AWS::Lambda::EventSourceMapping` on a table's StreamArn): records written since wskit local
 * started (LATEST; TRIM_HORIZON reads the same, as the stream starts empty) that pass the
 * FilterCriteria go to the function in order, one batch at a time, up to BatchSize records,
 * waiting up to MaximumBatchingWindowInSeconds to fill a batch. A failed batch is retried (after
 * 1s, 2s... up to 30s) until it succeeds or MaximumRetryAttempts is spent; with
 * ReportBatchItemFailures (itemIdentifier = SequenceNumber) the retry starts at the first failed record.
 */
import type { Json } from '../../../template/types';
import type { InvokeOutcome } from '../../lambda/pool';
import type { Logger } from '../../log';
import { reportedFailures } from '../batch-failures';
import { logDelivery } from '../delivery-log';
import { matchesPattern } from '../patterns';
import type { StreamRecord, TableStream } from './records';

export interface StreamMapping {
  readonly id: string;
  readonly tableId: string;
  readonly functionId: string;
  readonly batchSize: number;
  readonly batchingWindowMs: number;
  readonly reportBatchItemFailures: boolean;
  /** -1: retry until the batch succeeds, Lambda's default. */
  readonly maxRetries: number;
  readonly filters: readonly Json[];
}

export interface StreamSourceDeps {
  readonly log: Logger;
  invoke(functionId: string, event: unknown): Promise<InvokeOutcome>;
}

const MAX_BACKOFF_MS = 30_000;

export class StreamEventSource {
  private readonly pending: StreamRecord[] = [];
  private readonly stopListening: () => void;
  private busy?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private windowStartedAt?: number;
  private stopped = false;
  private wake?: () => void;

  constructor(
    private readonly mapping: StreamMapping,
    private readonly stream: TableStream,
    private readonly deps: StreamSourceDeps,
  ) {
    this.stopListening = stream.listen((record) => {
      if (mapping.filters.length === 0 || mapping.filters.some((f) => matchesPattern(f, record))) {
        this.pending.push(record);
        queueMicrotask(() => this.pump());
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopListening();
    clearTimeout(this.timer);
    this.wake?.();
    await this.busy;
  }

  private pump(): void {
    if (this.stopped || this.busy || this.pending.length === 0) return;
    const { batchSize, batchingWindowMs } = this.mapping;
    if (batchingWindowMs > 0 && this.pending.length < batchSize) {
      const now = Date.now();
      this.windowStartedAt ??= now;
      const end = this.windowStartedAt + batchingWindowMs;
      if (now < end) {
        this.wakeIn(end - now);
        return;
      }
    }
    this.windowStartedAt = undefined;
    const batch = this.pending.splice(0, batchSize);
    this.busy = this.deliver(batch, 0).finally(() => {
      this.busy = undefined;
      this.pump();
    });
  }

  private wakeIn(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pump(), ms).unref();
  }

  private async deliver(batch: StreamRecord[], attempt: number): Promise<void> {
    const { deps, mapping } = this;
    const started = Date.now();
    const source = `stream ${this.stream.table.name}`;
    const event = { Records: batch };
    deps.log.detail(`${source} → ${mapping.functionId} event`, event);
    const outcome = await deps.invoke(mapping.functionId, event);
    const sequences = batch.map((r) => r.dynamodb.SequenceNumber);
    const failed = !outcome.ok
      ? 'all'
      : mapping.reportBatchItemFailures
        ? reportedFailures(outcome.result, sequences)
        : new Set<string>();
    const first = failed === 'all' ? 0 : sequences.findIndex((s) => failed.has(s));
    const count = `${batch.length} record${batch.length === 1 ? '' : 's'}`;
    const giveUp = mapping.maxRetries >= 0 && attempt >= mapping.maxRetries;
    const then = giveUp ? 'discarded after the retries' : 'retrying';
    const status = !outcome.ok
      ? `error ${outcome.error.errorType}: ${outcome.error.errorMessage} (${count}, ${then})`
      : first < 0
        ? `ok (${count})`
        : `record ${sequences[first]} failed (${count}, ${then} ${batch.length - first} from it)`;
    logDelivery(deps.log, source, mapping.functionId, status, started);
    if (first < 0 || giveUp || this.stopped) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(1000 * 2 ** attempt, MAX_BACKOFF_MS));
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    if (!this.stopped) await this.deliver(batch.slice(first), attempt + 1);
  }
}

/**
 * DynamoDB Streams records for the tables with a StreamSpecification. Every write that reaches the
 * local table server (PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems) passes
 * through `StreamWriter.write`: for a streamed table it reads each touched item before and after
 * the write and appends the record DynamoDB would (INSERT, MODIFY or REMOVE; no record when the
 * item did not change or the write failed), with Keys and the images the StreamViewType keeps.
 * Writes to streamed tables run one at a time, so images and sequence numbers follow write order.
 */
import { randomBytes } from 'node:crypto';

type Item = Record<string, unknown>;
export type StreamViewType = 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';

export interface StreamTable {
  readonly id: string;
  readonly name: string;
  readonly tableArn: string;
  readonly streamArn: string;
  readonly viewType: StreamViewType;
  readonly keyNames: readonly string[];
}

export interface StreamRecord {
  readonly eventID: string;
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly eventVersion: '1.1';
  readonly eventSource: 'aws:dynamodb';
  readonly awsRegion: string;
  readonly dynamodb: {
    readonly ApproximateCreationDateTime: number;
    readonly Keys: Item;
    readonly NewImage?: Item;
    readonly OldImage?: Item;
    readonly SequenceNumber: string;
    readonly SizeBytes: number;
    readonly StreamViewType: StreamViewType;
  };
  readonly eventSourceARN: string;
}

/** A table's stream: the records appended to it go to whoever listens (its event sources). */
export class TableStream {
  private readonly listeners = new Set<(record: StreamRecord) => void>();
  constructor(readonly table: StreamTable) {}
  listen(listener: (record: StreamRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  append(record: StreamRecord): void {
    for (const listener of this.listeners) listener(record);
  }
}

/** Reads one item from the table server (consistent read); undefined when it is not there. */
export type ReadItem = (tableName: string, key: Item) => Promise<Item | undefined>;

interface Touched {
  readonly stream: TableStream;
  readonly key: Item;
}

export class StreamWriter {
  private queue: Promise<unknown> = Promise.resolve();
  private sequence = 100_000_000_000_000_000_000n;

  constructor(
    private readonly streams: readonly TableStream[],
    private readonly readItem: ReadItem,
    private readonly region: string,
  ) {}

  /** Runs `write` (the forwarded request); `succeeded` tells from its answer whether it was applied. */
  async write<T>(
    action: string,
    request: Item,
    write: () => Promise<T>,
    succeeded: (answer: T) => boolean,
  ): Promise<T> {
    const touched = this.touched(action, request);
    if (touched.length === 0) return write();
    const run = this.queue.then(async () => {
      const before = await Promise.all(touched.map((t) => this.readItem(t.stream.table.name, t.key)));
      const answer = await write();
      if (!succeeded(answer)) return answer;
      const after = await Promise.all(touched.map((t) => this.readItem(t.stream.table.name, t.key)));
      touched.forEach((t, i) => {
        this.record(t, before[i], after[i]);
      });
      return answer;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The streamed items a write request names, in the order it names them. */
  private touched(action: string, request: Item): Touched[] {
    const found: Touched[] = [];
    const add = (tableName: unknown, key: unknown, isItem: boolean) => {
      const stream = this.streams.find((s) => tableName === s.table.name || tableName === s.table.tableArn);
      if (!stream || !isObject(key)) return;
      const keyOnly = isItem ? pick(key, stream.table.keyNames) : key;
      found.push({ stream, key: keyOnly });
    };
    if (action === 'PutItem') add(request.TableName, request.Item, true);
    else if (action === 'UpdateItem' || action === 'DeleteItem') add(request.TableName, request.Key, false);
    else if (action === 'BatchWriteItem' && isObject(request.RequestItems)) {
      for (const [table, writes] of Object.entries(request.RequestItems)) {
        for (const entry of Array.isArray(writes) ? writes : []) {
          if (isObject(entry?.PutRequest)) add(table, entry.PutRequest.Item, true);
          else if (isObject(entry?.DeleteRequest)) add(table, entry.DeleteRequest.Key, false);
        }
      }
    } else if (action === 'TransactWriteItems' && Array.isArray(request.TransactItems)) {
      for (const entry of request.TransactItems) {
        if (isObject(entry?.Put)) add(entry.Put.TableName, entry.Put.Item, true);
        for (const kind of ['Update', 'Delete'])
          if (isObject(entry?.[kind])) add(entry[kind].TableName, entry[kind].Key, false);
      }
    }
    return found;
  }

  private record({ stream, key }: Touched, before: Item | undefined, after: Item | undefined): void {
    if (!before && !after) return;
    if (before && after && JSON.stringify(before) === JSON.stringify(after)) return;
    const { viewType, streamArn } = stream.table;
    const images = {
      ...(after && (viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES')
        ? { NewImage: after }
        : {}),
      ...(before && (viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES')
        ? { OldImage: before }
        : {}),
    };
    this.sequence += 1n;
    stream.append({
      eventID: randomBytes(16).toString('hex'),
      eventName: !before ? 'INSERT' : !after ? 'REMOVE' : 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: this.region,
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
        Keys: key,
        ...images,
        SequenceNumber: String(this.sequence),
        SizeBytes: Buffer.byteLength(JSON.stringify({ key, ...images })),
        StreamViewType: viewType,
      },
      eventSourceARN: streamArn,
    });
  }
}

// biome-ignore lint/suspicious/noExplicitAny: request JSON is read field by field
const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const pick = (item: Item, names: readonly string[]): Item =>
  Object.fromEntries(names.filter((name) => name in item).map((name) => [name, item[name]]));

/**
 * What a template says about DynamoDB streams: the tables with a StreamSpecification, and the
 * functions reading them through SAM's `Events: Type: DynamoDB` or an
 * `AWS::Lambda::EventSourceMapping` whose EventSourceArn is a table's StreamArn.
 */
import type { Json } from '../../../template/types';
import type { LocalApp } from '../../types';
import { declaredEventSources, numberOr, reportsBatchItemFailures } from '../event-sources';
import { jsonValue } from '../names';
import { localArn } from '../stand-ins';
import type { StreamMapping } from './event-source';
import type { StreamTable, StreamViewType } from './records';

type Props = Readonly<Record<string, Json>>;

/** Lambda's defaults for a stream event source. */
const DEFAULTS = { batchSize: 100, batchingWindowSeconds: 0, maxRetries: -1 } as const;

/** The stream ARN a table's `!GetAtt StreamArn` gives locally. */
export const streamArn = (tableArn: string) => `${tableArn}/stream/1970-01-01T00:00:00.000`;

export function readStreamTables(app: LocalApp, accountId: string): StreamTable[] {
  const place = { region: app.region, accountId };
  return app.tables.flatMap((table) => {
    const spec = table.properties.StreamSpecification as Props | undefined;
    if (!spec || typeof spec.StreamViewType !== 'string') return [];
    const tableArn = localArn(place, 'dynamodb', `table/${table.name}`);
    const keys = (table.properties.KeySchema ?? []) as Props[];
    return [
      {
        id: table.id,
        name: table.name,
        tableArn,
        streamArn: streamArn(tableArn),
        viewType: spec.StreamViewType as StreamViewType,
        keyNames: keys.map((key) => String(key.AttributeName)),
      },
    ];
  });
}

/** The template's stream event sources whose table and function run locally. */
export function readStreamSources(app: LocalApp, tables: readonly StreamTable[]): StreamMapping[] {
  const mappings: StreamMapping[] = [];
  const add = (id: string, functionId: string | undefined, stream: Json | undefined, props: Props) => {
    const table = tables.find((t) => t.streamArn === stream);
    if (!functionId || !table || props.Enabled === false || props.Enabled === 'false') return;
    const filters = ((props.FilterCriteria as Props | undefined)?.Filters ?? []) as Props[];
    mappings.push({
      id,
      tableId: table.id,
      functionId,
      batchSize: numberOr(props.BatchSize, DEFAULTS.batchSize),
      batchingWindowMs: 1000 * numberOr(props.MaximumBatchingWindowInSeconds, DEFAULTS.batchingWindowSeconds),
      reportBatchItemFailures: reportsBatchItemFailures(props),
      maxRetries: numberOr(props.MaximumRetryAttempts, DEFAULTS.maxRetries),
      filters: filters.map((filter) => jsonValue(filter.Pattern as Json)),
    });
  };
  for (const { id, functionId, source, props } of declaredEventSources(app, 'DynamoDB', 'Stream'))
    add(id, functionId, source, props);
  return mappings;
}

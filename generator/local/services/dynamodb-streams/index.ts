/**
 * DynamoDB Streams for `wskit local`: when a table has a StreamSpecification, handlers' SDK calls
 * reach the tables through a pass-through proxy, and integrations and tasks through the same
 * StreamWriter, so every successful write becomes stream records, delivered to the functions
 * subscribed to the stream. Without streamed tables nothing sits in front of the table server.
 */

import type { LocalApp } from '../../types';
import { bannerLine } from '../delivery-log';
import type { ServiceHost } from '../types';
import { StreamEventSource } from './event-source';
import { callTableServer, startStreamProxy } from './proxy';
import { StreamWriter, TableStream } from './records';
import { readStreamSources, readStreamTables } from './template';

export async function startStreams(app: LocalApp, host: ServiceHost, tableServer: string) {
  const streams = readStreamTables(app, host.accountId).map((table) => new TableStream(table));
  const readItem = async (tableName: string, key: Record<string, unknown>) => {
    const answer = await callTableServer(tableServer, 'GetItem', {
      TableName: tableName,
      Key: key,
      ConsistentRead: true,
    });
    return answer.statusCode === 200 ? (answer.body.Item as Record<string, unknown> | undefined) : undefined;
  };
  const writer = new StreamWriter(streams, readItem, app.region);
  const proxy = streams.length > 0 ? await startStreamProxy(tableServer, host.host, writer) : undefined;
  const mappings = readStreamSources(
    app,
    streams.map((s) => s.table),
  );
  const sources = mappings.map(
    (mapping) =>
      new StreamEventSource(mapping, streams.find((s) => s.table.id === mapping.tableId) as TableStream, {
        log: host.log,
        invoke: (functionId, event) => host.invokeFunction(functionId, event),
      }),
  );
  const banner = streams.map(({ table }) => {
    const to = mappings.filter((m) => m.tableId === table.id).map((m) => m.functionId);
    return bannerLine(
      'stream',
      `${table.name} (${table.viewType})${to.length ? `, to ${to.join(', ')}` : ''}`,
    );
  });
  return {
    writer,
    endpoint: proxy?.endpoint,
    banner,
    close: async () => {
      await Promise.all(sources.map((source) => source.stop()));
      await proxy?.close();
    },
  };
}

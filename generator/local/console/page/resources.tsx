/**
 * Queues (each with its dead-letter queue and receive counts), topics, buses and rules with their
 * deliveries, and tables whose items are read again every second while the page shows them.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ConsoleState } from '../state';
import { type AppInfo, getJson, type Numbered } from './store';
import { Empty, Panel, pretty, Status, time } from './ui';

export function QueuesView({
  app,
  state,
  events,
}: {
  app: AppInfo;
  state: ConsoleState;
  events: readonly Numbered[];
}) {
  const deliveries = events
    .filter((event) => event.type === 'delivery')
    .slice(-50)
    .reverse();
  const names = new Set([...app.queues.map((queue) => queue.name), ...Object.keys(state.queues)]);
  const dlqs = new Set(app.queues.flatMap((queue) => (queue.deadLetter ? [queue.deadLetter] : [])));
  return (
    <div class="stack">
      {names.size === 0 && app.topics.length === 0 && app.buses.length === 0 && (
        <Empty>This app has no queue, topic or bus.</Empty>
      )}
      {[...names].map((name) => {
        const messages = Object.values(state.queues[name] ?? {}).reverse();
        const queue = app.queues.find((q) => q.name === name);
        return (
          <Panel
            key={name}
            title={
              <>
                {name} {dlqs.has(name) && <span class="tag bad">dead-letter queue</span>}
                {queue?.deadLetter && <span class="muted"> → dead letters to {queue.deadLetter}</span>}
              </>
            }
          >
            <div data-queue={name}>
              {messages.length === 0 ? (
                <p class="muted">empty</p>
              ) : (
                <table class="grid">
                  <thead>
                    <tr>
                      <th>message</th>
                      <th>status</th>
                      <th>receives</th>
                      <th>at</th>
                      <th>body</th>
                    </tr>
                  </thead>
                  <tbody>
                    {messages.map((message) => (
                      <tr key={message.id} data-message={message.id}>
                        <td>
                          <code>{message.id.slice(0, 8)}</code>
                        </td>
                        <td>
                          <Status value={message.status} />
                        </td>
                        <td>{message.receiveCount}</td>
                        <td>{time(message.at)}</td>
                        <td class="body">
                          <code>{message.body ?? ''}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </Panel>
        );
      })}
      {(app.topics.length > 0 || app.buses.length > 0 || deliveries.length > 0) && (
        <Panel title="Deliveries (topics, rules, queues, streams)">
          {deliveries.length === 0 ? (
            <p class="muted">
              none yet · topics: {app.topics.map((t) => t.id).join(', ') || '-'} · buses:{' '}
              {app.buses.map((b) => b.id).join(', ') || 'default'}
            </p>
          ) : (
            <table class="grid">
              <tbody>
                {deliveries.map((event) =>
                  event.type === 'delivery' ? (
                    <tr key={event.seq}>
                      <td>{time(event.at)}</td>
                      <td>{event.source}</td>
                      <td>→ {event.target}</td>
                      <td>
                        <Status value={event.status} />
                      </td>
                      <td>{event.latencyMs}ms</td>
                    </tr>
                  ) : null,
                )}
              </tbody>
            </table>
          )}
        </Panel>
      )}
    </div>
  );
}

export function TablesView({ app }: { app: AppInfo }) {
  const [table, setTable] = useState(app.tables[0]?.name);
  const [items, setItems] = useState<unknown[] | undefined>(undefined);
  useEffect(() => {
    if (!table) return;
    let stopped = false;
    const read = () =>
      getJson<{ items: unknown[] }>(`/api/tables/${encodeURIComponent(table)}/items`)
        .then((answer) => !stopped && setItems(answer.items))
        .catch(() => {});
    void read();
    const timer = setInterval(read, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [table]);
  if (app.tables.length === 0) return <Empty>This app has no table.</Empty>;
  const columns = [...new Set((items ?? []).flatMap((item) => Object.keys(item as object)))];
  return (
    <div class="stack">
      <div class="tabs">
        {app.tables.map((t) => (
          <button
            type="button"
            key={t.name}
            class={t.name === table ? 'selected' : ''}
            onClick={() => setTable(t.name)}
          >
            {t.id} <span class="muted">{t.name}</span>
          </button>
        ))}
      </div>
      <Panel title={`${table} (${items?.length ?? '…'} items, read every second)`}>
        <div data-table={table}>
          {items && items.length === 0 && <p class="muted">empty</p>}
          {items && items.length > 0 && (
            <table class="grid">
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column}>{column}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((item, index) => (
                  <tr key={index}>
                    {columns.map((column) => (
                      <td key={column}>
                        <code>{cell((item as Record<string, unknown>)[column])}</code>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </Panel>
    </div>
  );
}

const cell = (value: unknown) =>
  value === undefined ? '' : typeof value === 'string' ? value : pretty(value);

/**
 * The timeline, for the whole API or one connection, in the manner of DevTools' WebSocket frames
 * panel: one row per event (frames in and out with their size, routes with the selection value and
 * the integration's status and latency, @connections posts, function runs, executions, messages),
 * filters by connection, route and status, and the selected event's details below.
 */
import { useState } from 'preact/hooks';
import type { Numbered } from './store';
import { Empty, Json, Pairs, pretty, Status, size, time } from './ui';

export interface TimelineFilter {
  connectionId?: string;
  routeKey?: string;
  status?: 'all' | 'errors';
}

export function Timeline({
  events,
  routes,
  connections,
  fixedConnection,
}: {
  events: readonly Numbered[];
  routes: readonly string[];
  connections: readonly string[];
  fixedConnection?: string;
}) {
  const [filter, setFilter] = useState<TimelineFilter>({ status: 'all' });
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const connectionId = fixedConnection ?? filter.connectionId;
  const owners = connectionOfRuns(events);
  const shown = events.filter((event) =>
    matches(event, { ...filter, ...(connectionId ? { connectionId } : {}) }, owners),
  );
  const rows = shown.slice(-400).reverse();
  const detail = selected === undefined ? undefined : events.find((event) => event.seq === selected);
  return (
    <div class="timeline">
      <div class="filters">
        {!fixedConnection && (
          <select
            aria-label="connection"
            value={filter.connectionId ?? ''}
            onChange={(e) => setFilter({ ...filter, connectionId: e.currentTarget.value || undefined })}
          >
            <option value="">all connections</option>
            {connections.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        )}
        <select
          aria-label="route"
          value={filter.routeKey ?? ''}
          onChange={(e) => setFilter({ ...filter, routeKey: e.currentTarget.value || undefined })}
        >
          <option value="">all routes</option>
          {routes.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
        <select
          aria-label="status"
          value={filter.status}
          onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value as 'all' | 'errors' })}
        >
          <option value="all">any status</option>
          <option value="errors">errors only</option>
        </select>
        <span class="count">{shown.length} events</span>
      </div>
      {rows.length === 0 ? (
        <Empty>
          {events.length === 0
            ? 'Nothing yet. Connect a client (or open one on the Client page) and send a message.'
            : 'No event matches these filters.'}
        </Empty>
      ) : (
        <div class={fixedConnection ? 'rows fixed' : 'rows'}>
          {rows.map((event) => (
            <Row
              key={event.seq}
              event={event}
              selected={event.seq === selected}
              onSelect={() => setSelected(event.seq)}
            />
          ))}
        </div>
      )}
      {detail && <Detail event={detail} />}
    </div>
  );
}

/**
 * Which connection each function run served, from the event API Gateway gave it
 * (`requestContext.connectionId`), so a connection's timeline shows its runs and their log lines.
 */
function connectionOfRuns(events: readonly Numbered[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const event of events) {
    if (event.type !== 'function.run') continue;
    const context = (event.event as { requestContext?: { connectionId?: unknown } } | undefined)
      ?.requestContext;
    if (typeof context?.connectionId === 'string') owners.set(event.requestId, context.connectionId);
  }
  return owners;
}

function connectionOf(event: Numbered, owners: ReadonlyMap<string, string>): string | undefined {
  if ('connectionId' in event) return event.connectionId;
  if (event.type === 'function.run' || event.type === 'function.log')
    return owners.get(event.requestId ?? '');
  return undefined;
}

export function matches(
  event: Numbered,
  filter: TimelineFilter,
  owners: ReadonlyMap<string, string>,
): boolean {
  if (filter.connectionId && connectionOf(event, owners) !== filter.connectionId) return false;
  if (filter.routeKey && !(event.type === 'route' && event.routeKey === filter.routeKey)) return false;
  if (filter.status === 'errors' && !isError(event)) return false;
  return true;
}

function isError(event: Numbered): boolean {
  switch (event.type) {
    case 'route':
    case 'connection.open':
    case 'connection.refused':
    case 'connections.api':
      return event.status >= 400;
    case 'connection.close':
      return event.code !== 1000 && event.code !== 1001 && event.code !== 1005;
    case 'frame.out':
      return event.source === 'error';
    case 'function.run':
      return !event.ok;
    case 'execution.end':
      return event.status !== 'SUCCEEDED';
    case 'execution.state':
      return event.step === 'failed';
    case 'queue.message':
      return event.action === 'dead-lettered';
    case 'delivery':
      return event.status !== 'ok';
    default:
      return false;
  }
}

function Row({ event, selected, onSelect }: { event: Numbered; selected: boolean; onSelect: () => void }) {
  const [icon, tone, text, extra] = summary(event);
  return (
    <button type="button" class={`row ${tone}${selected ? ' selected' : ''}`} onClick={onSelect}>
      <span class="at">{time(event.at)}</span>
      <span class="icon">{icon}</span>
      <span class="who">{'connectionId' in event ? event.connectionId : ''}</span>
      <span class="text">{text}</span>
      <span class="extra">{extra}</span>
    </button>
  );
}

const preview = (body: string | undefined) =>
  body === undefined ? '' : body.length > 160 ? `${body.slice(0, 160)}…` : body;

/** Icon, tone, one-line text and the right-hand column of a row. */
function summary(event: Numbered): [string, string, string, preact.ComponentChildren] {
  switch (event.type) {
    case 'connection.open':
      return [
        '⇢',
        'conn',
        `connected from ${event.sourceIp}${queryText(event.handshake.query)}`,
        <Status value={event.status} />,
      ];
    case 'connection.refused':
      return [
        '✕',
        'err',
        `handshake refused by ${event.by}: ${event.reason}`,
        <Status value={event.status} />,
      ];
    case 'connection.close':
      return [
        '⇠',
        'conn',
        `closed ${event.code}${event.reason ? ` ${event.reason}` : ''}`,
        event.disconnect ? <Status value={event.disconnect.status} /> : '',
      ];
    case 'frame.in':
      return ['↑', 'in', preview(event.body), size(event.size)];
    case 'frame.out':
      return [
        '↓',
        event.source === 'error' ? 'err' : 'out',
        `${event.source === '@connections' ? '@connections ' : ''}${preview(event.body)}`,
        size(event.size),
      ];
    case 'route':
      return [
        '⤳',
        'route',
        event.routeKey === undefined
          ? 'no route and no $default: Forbidden'
          : `${event.routeKey} → ${event.integration}${event.selection !== undefined ? `  (selection: ${JSON.stringify(event.selection)})` : ''}`,
        <>
          <Status value={event.status} /> {event.latencyMs}ms
        </>,
      ];
    case 'connections.api':
      return ['⇄', 'api', `@connections ${event.method}`, <Status value={event.status} />];
    case 'function.run':
      return [
        'ƒ',
        event.ok ? 'fn' : 'err',
        `${event.functionId}${event.ok ? '' : ` ${event.error?.errorType}: ${event.error?.errorMessage}`}`,
        `${event.durationMs}ms`,
      ];
    case 'function.log':
      return ['│', 'log', `${event.functionId}: ${event.line}`, ''];
    case 'execution.start':
      return ['◆', 'sfn', `${event.machineName} started`, ''];
    case 'execution.state':
      return [
        '◇',
        event.step === 'failed' ? 'err' : 'sfn',
        `${event.state} ${event.step}${event.error ? `: ${event.error}` : ''}`,
        '',
      ];
    case 'execution.end':
      return [
        '◆',
        event.status === 'SUCCEEDED' ? 'sfn' : 'err',
        `execution ${event.status}${event.error ? `: ${event.error}` : ''}`,
        `${event.durationMs}ms`,
      ];
    case 'queue.message':
      return [
        '✉',
        event.action === 'dead-lettered' ? 'err' : 'msg',
        `${event.queue} ${event.action}${event.action === 'received' ? ` (receive ${event.receiveCount})` : ''}`,
        '',
      ];
    case 'delivery':
      return [
        '→',
        event.status === 'ok' ? 'msg' : 'err',
        `${event.source} → ${event.target}`,
        `${event.status} ${event.latencyMs}ms`,
      ];
  }
}

function queryText(query: Readonly<Record<string, string>>): string {
  const names = Object.keys(query);
  return names.length === 0 ? '' : ` ?${names.map((name) => `${name}=…`).join('&')}`;
}

function Detail({ event }: { event: Numbered }) {
  const { body, ...rest } = event as Numbered & { body?: string };
  return (
    <div class="detail" data-testid="event-detail">
      <Pairs
        rows={[
          ['type', event.type],
          ['at', new Date(event.at).toISOString()],
        ]}
      />
      {body !== undefined && (
        <section class="json">
          <h4>payload</h4>
          <pre>{pretty(body)}</pre>
        </section>
      )}
      <Json label="event" value={rest} />
    </div>
  );
}

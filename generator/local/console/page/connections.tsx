/**
 * Connections: open ones first, then the last closed, each with its handshake (query, headers),
 * authorizer context, frame counts and close code; the selected one's own timeline, and the two
 * things a backend can do to it: post a message and disconnect it (as `@connections` does).
 */
import { useState } from 'preact/hooks';
import type { ConnectionView } from '../state';
import { type Numbered, send } from './store';
import { Timeline } from './timeline';
import { ago, Empty, Json, Pairs, Status, time } from './ui';

export function ConnectionsView({
  connections,
  events,
  routes,
}: {
  connections: Record<string, ConnectionView>;
  events: readonly Numbered[];
  routes: readonly string[];
}) {
  const list = Object.values(connections).sort(
    (a, b) => Number(!!a.closed) - Number(!!b.closed) || b.connectedAt - a.connectedAt,
  );
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const connection = (selected && connections[selected]) || list[0];
  if (list.length === 0)
    return <Empty>No connection yet. Try wscat, or open one from the Client page.</Empty>;
  return (
    <div class="split">
      <div class="list" data-testid="connections">
        {list.map((item) => (
          <button
            type="button"
            key={item.id}
            data-connection={item.id}
            class={`item${item === connection ? ' selected' : ''}${item.closed ? ' closed' : ''}`}
            onClick={() => setSelected(item.id)}
          >
            <span class={`dot ${item.closed ? 'off' : 'on'}`} />
            <code>{item.id}</code>
            <span class="muted">
              ↑{item.framesIn} ↓{item.framesOut}
            </span>
            <span class="muted">{item.closed ? `closed ${item.closed.code}` : ago(item.lastActiveAt)}</span>
          </button>
        ))}
      </div>
      {connection && <ConnectionDetail connection={connection} events={events} routes={routes} />}
    </div>
  );
}

function ConnectionDetail({
  connection,
  events,
  routes,
}: {
  connection: ConnectionView;
  events: readonly Numbered[];
  routes: readonly string[];
}) {
  const [message, setMessage] = useState('{"message": "hello from the console"}');
  const [answer, setAnswer] = useState('');
  const act = async (method: 'POST' | 'DELETE') => {
    const response = await send(
      method,
      `/api/connections/${encodeURIComponent(connection.id)}`,
      method === 'POST' ? message : undefined,
    );
    setAnswer(`${method === 'POST' ? 'post' : 'disconnect'}: ${response.status}`);
  };
  return (
    <div class="detail" data-testid="connection-detail">
      <h3>
        <code>{connection.id}</code>{' '}
        <Status value={connection.closed ? `closed ${connection.closed.code}` : 'open'} />
      </h3>
      <Pairs
        rows={[
          ['connected', `${time(connection.connectedAt)} (${ago(connection.connectedAt)})`],
          ['source', `${connection.sourceIp} · ${connection.userAgent || 'no user agent'}`],
          [
            'frames',
            `${connection.framesIn} in, ${connection.framesOut} out; last ${ago(connection.lastActiveAt)}`,
          ],
          ...(connection.closed
            ? [
                [
                  'closed',
                  `${connection.closed.code} ${connection.closed.reason} at ${time(connection.closed.at)}`,
                ] as [string, string],
              ]
            : []),
        ]}
      />
      {!connection.closed && (
        <div class="actions">
          <textarea
            aria-label="message to post"
            value={message}
            onInput={(e) => setMessage(e.currentTarget.value)}
            rows={2}
          />
          <button type="button" onClick={() => void act('POST')}>
            Post to connection
          </button>
          <button type="button" class="danger" onClick={() => void act('DELETE')}>
            Disconnect
          </button>
          <span class="muted">{answer}</span>
        </div>
      )}
      <details>
        <summary>
          handshake: {Object.keys(connection.query).length} query parameters,{' '}
          {Object.keys(connection.headers).length} headers
        </summary>
        <Json label="query" value={connection.query} />
        <Json label="headers" value={connection.headers} />
      </details>
      {connection.authorizer && <Json label="authorizer context" value={connection.authorizer} />}
      <h4>timeline</h4>
      <Timeline events={events} routes={routes} connections={[]} fixedConnection={connection.id} />
    </div>
  );
}

/**
 * A client in the page: open a connection with the query parameters and headers you choose (a
 * token for an authorizer), send frames, and follow the answers in its timeline. The console opens
 * it server-side (browsers cannot set WebSocket headers), so it is an ordinary client of the API.
 */
import { useState } from 'preact/hooks';
import type { ConsoleState } from '../state';
import { type Numbered, send } from './store';
import { Timeline } from './timeline';
import { Empty, Panel } from './ui';

const CLIENT_HEADER = 'X-Wskit-Console-Client';

interface Opened {
  readonly clientId: string;
  readonly status: number;
  readonly message?: string;
}

export function ClientView({
  state,
  events,
  routes,
}: {
  state: ConsoleState;
  events: readonly Numbered[];
  routes: readonly string[];
}) {
  const [query, setQuery] = useState('');
  const [headers, setHeaders] = useState('');
  const [frame, setFrame] = useState('{"action": "sendmessage", "data": "hello"}');
  const [opened, setOpened] = useState<Opened | undefined>(undefined);
  const [note, setNote] = useState('');
  const connection = opened
    ? Object.values(state.connections).find((c) => c.headers[CLIENT_HEADER] === opened.clientId)
    : undefined;
  const open = async () => {
    const response = await send(
      'POST',
      '/api/clients',
      JSON.stringify({ query: pairs(query, '='), headers: pairs(headers, ':') }),
    );
    const result = (await response.json()) as Opened;
    setOpened(result);
    setNote(
      result.status === 101 ? 'connected' : `handshake refused: ${result.status} ${result.message ?? ''}`,
    );
  };
  const sendFrame = async () => {
    if (!opened) return;
    const response = await send('POST', `/api/clients/${opened.clientId}/frames`, frame);
    setNote(response.ok ? 'sent' : 'the connection is closed');
  };
  const close = async () => {
    if (opened) await send('DELETE', `/api/clients/${opened.clientId}`);
  };
  const isOpen = opened?.status === 101 && connection && !connection.closed;
  return (
    <div class="stack">
      <Panel title="Open a connection">
        <div class="form">
          <label>
            query parameters <span class="muted">(name=value, one a line)</span>
            <textarea
              aria-label="query"
              rows={2}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
              placeholder="token=secret"
            />
          </label>
          <label>
            headers <span class="muted">(Name: value, one a line)</span>
            <textarea
              aria-label="headers"
              rows={2}
              value={headers}
              onInput={(e) => setHeaders(e.currentTarget.value)}
              placeholder="Authorization: secret"
            />
          </label>
          <div class="actions">
            <button type="button" onClick={() => void open()} disabled={!!isOpen}>
              Connect
            </button>
            <button type="button" class="danger" onClick={() => void close()} disabled={!isOpen}>
              Close
            </button>
            <span class="muted" data-testid="client-note">
              {note}
              {connection ? ` · ${connection.id}` : ''}
            </span>
          </div>
        </div>
      </Panel>
      <Panel title="Send a frame">
        <div class="actions">
          <textarea
            aria-label="frame"
            rows={3}
            value={frame}
            onInput={(e) => setFrame(e.currentTarget.value)}
          />
          <button type="button" onClick={() => void sendFrame()} disabled={!isOpen}>
            Send
          </button>
        </div>
      </Panel>
      {connection ? (
        <Timeline events={events} routes={routes} connections={[]} fixedConnection={connection.id} />
      ) : (
        <Empty>Connect to see this client's frames, routes and answers here.</Empty>
      )}
    </div>
  );
}

function pairs(text: string, separator: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf(separator);
    if (at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

/**
 * The console's shell: a sidebar of views (the API, connections, the timeline, function runs,
 * executions, queues and tables, the in-page client), the live indicator, and a note when the
 * server dropped events under load. Views re-render from the store at most once a frame.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiView } from './api-view';
import { ClientView } from './client';
import { ConnectionsView } from './connections';
import { ExecutionsView } from './executions';
import { QueuesView, TablesView } from './resources';
import { RunsView } from './runs';
import { Store } from './store';
import { Timeline } from './timeline';

const VIEWS = ['api', 'connections', 'timeline', 'runs', 'executions', 'queues', 'tables', 'client'] as const;
type View = (typeof VIEWS)[number];
const LABELS: Record<View, string> = {
  api: 'API',
  connections: 'Connections',
  timeline: 'Timeline',
  runs: 'Function runs',
  executions: 'Executions',
  queues: 'Queues & deliveries',
  tables: 'Tables',
  client: 'Client',
};

const store = new Store();

function viewFromHash(): View {
  const name = location.hash.slice(1) as View;
  return VIEWS.includes(name) ? name : 'connections';
}

function App() {
  const [, setTick] = useState(0);
  const [view, setView] = useState<View>(viewFromHash());
  const [error, setError] = useState('');
  useEffect(() => {
    const unsubscribe = store.subscribe(() => setTick((n) => n + 1));
    store.start().catch((e: Error) => setError(e.message));
    const onHash = () => setView(viewFromHash());
    addEventListener('hashchange', onHash);
    return () => {
      unsubscribe();
      removeEventListener('hashchange', onHash);
    };
  }, []);
  const { app, state, events } = store;
  if (error) return <p class="empty">The console could not load: {error}</p>;
  if (!app) return <p class="empty">Loading…</p>;
  const routes = app.routes.map((route) => route.routeKey);
  const open = Object.values(state.connections).filter((c) => !c.closed).length;
  const counts: Partial<Record<View, number>> = {
    connections: open,
    runs: Object.keys(state.runs).length,
    executions: Object.keys(state.executions).length,
  };
  return (
    <div class="shell">
      <aside>
        <div class="brand">
          <b>wskit</b> local
        </div>
        <div class="app-name" title={`${app.stackName} / ${app.stage}`}>
          {app.stackName} <span class="muted">/ {app.stage}</span>
        </div>
        <nav>
          {VIEWS.map((name) => (
            <a key={name} href={`#${name}`} class={name === view ? 'selected' : ''}>
              {LABELS[name]}
              {counts[name] ? <span class="n">{counts[name]}</span> : null}
            </a>
          ))}
        </nav>
        <div class={`live ${store.live ? 'on' : 'off'}`}>{store.live ? '● live' : '○ reconnecting'}</div>
        {store.detailPaused && (
          <div
            class="dropped"
            title="Above a few thousand events a second, events come without bodies, Lambda events and results."
          >
            busy: payloads paused
          </div>
        )}
        {store.dropped > 0 && (
          <div
            class="dropped"
            title="Under load the live channel sends a sample; the server's ring holds the rest (GET /api/events)."
          >
            {store.dropped} events not shown (load)
          </div>
        )}
      </aside>
      <main>
        <h2>{LABELS[view]}</h2>
        {view === 'api' && <ApiView app={app} />}
        {view === 'connections' && (
          <ConnectionsView connections={state.connections} events={events} routes={routes} />
        )}
        {view === 'timeline' && (
          <Timeline events={events} routes={routes} connections={Object.keys(state.connections)} />
        )}
        {view === 'runs' && <RunsView runs={state.runs} />}
        {view === 'executions' && <ExecutionsView app={app} executions={state.executions} />}
        {view === 'queues' && <QueuesView app={app} state={state} events={events} />}
        {view === 'tables' && <TablesView app={app} />}
        {view === 'client' && <ClientView state={state} events={events} routes={routes} />}
      </main>
    </div>
  );
}

render(<App />, document.getElementById('root') as HTMLElement);

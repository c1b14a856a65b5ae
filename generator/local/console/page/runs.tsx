/** Function runs, newest first: event in, result out, duration, each log line, errors with stack. */
import { useState } from 'preact/hooks';
import type { RunView } from '../state';
import { Empty, Json, Status, time } from './ui';

export function RunsView({ runs }: { runs: Record<string, RunView> }) {
  const list = Object.values(runs).reverse();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const run = (selected && runs[selected]) || list[0];
  if (list.length === 0) return <Empty>No function has run yet.</Empty>;
  return (
    <div class="split">
      <div class="list">
        {list.slice(0, 200).map((item) => (
          <button
            type="button"
            key={item.requestId}
            class={`item${item === run ? ' selected' : ''}`}
            onClick={() => setSelected(item.requestId)}
          >
            <span class="at">{time(item.at)}</span>
            <b>{item.functionId}</b>
            <Status value={item.done ? (item.ok ? 'ok' : 'failed') : 'running'} />
            <span class="muted">{item.durationMs !== undefined ? `${item.durationMs}ms` : ''}</span>
          </button>
        ))}
      </div>
      {run && (
        <div class="detail" data-testid="run-detail">
          <h3>
            {run.functionId} <span class="muted">{run.requestId}</span>
          </h3>
          <section class="logs">
            <h4>log ({run.logs.length} lines)</h4>
            {run.logs.length === 0 ? (
              <p class="muted">no output</p>
            ) : (
              <pre>{run.logs.map((entry) => `${time(entry.at)}  ${entry.line}`).join('\n')}</pre>
            )}
          </section>
          {run.error && (
            <section class="json error">
              <h4>error</h4>
              <pre>{`${run.error.errorType}: ${run.error.errorMessage}${run.error.stack ? `\n${run.error.stack}` : ''}`}</pre>
            </section>
          )}
          <Json label="result" value={run.result} />
          <Json label="event" value={run.event} />
        </div>
      )}
    </div>
  );
}

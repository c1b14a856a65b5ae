/**
 * State machine executions: the machine drawn from its definition, each state coloured by what
 * happened in the selected execution (as the Step Functions graph inspector does), and a click on
 * a state shows its input, output, retries and failure.
 */
import { useState } from 'preact/hooks';
import type { ExecutionView, StateView } from '../state';
import { layoutMachine, NODE } from './graph';
import type { AppInfo } from './store';
import { Empty, Json, Pairs, Status, time } from './ui';

export function ExecutionsView({
  app,
  executions,
}: {
  app: AppInfo;
  executions: Record<string, ExecutionView>;
}) {
  const list = Object.values(executions).reverse();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [state, setState] = useState<string | undefined>(undefined);
  const execution = (selected && executions[selected]) || list[0];
  if (app.stateMachines.length === 0) return <Empty>This app has no state machine.</Empty>;
  const machine = app.stateMachines.find((m) => m.arn === execution?.machineArn) ?? app.stateMachines[0];
  return (
    <div class="split">
      <div class="list">
        {list.length === 0 && <p class="muted pad">No execution yet.</p>}
        {list.map((item) => (
          <button
            type="button"
            key={item.id}
            class={`item${item === execution ? ' selected' : ''}`}
            onClick={() => {
              setSelected(item.id);
              setState(undefined);
            }}
          >
            <span class="at">{time(item.startedAt)}</span>
            <b>{item.machineName}</b>
            <Status value={item.status} />
            <span class="muted">{item.durationMs !== undefined ? `${item.durationMs}ms` : ''}</span>
          </button>
        ))}
      </div>
      <div class="detail">
        {machine && (
          <>
            <h3>
              {machine.name} <span class="muted">{machine.type}</span>
            </h3>
            <Graph
              definition={machine.definition}
              states={execution?.states ?? {}}
              selected={state}
              onSelect={setState}
            />
          </>
        )}
        {execution && state && execution.states[state] && (
          <StateDetail name={state} view={execution.states[state]} />
        )}
        {execution && !state && (
          <>
            <Pairs
              rows={[
                ['status', <Status value={execution.status} />],
                ...(execution.error
                  ? [['error', `${execution.error}: ${execution.cause ?? ''}`] as [string, string]]
                  : []),
              ]}
            />
            <Json label="input" value={execution.input} />
            <Json label="output" value={execution.output} />
          </>
        )}
      </div>
    </div>
  );
}

function StateDetail({ name, view }: { name: string; view: StateView }) {
  return (
    <div data-testid="state-detail">
      <h4>
        {name} <Status value={view.status} />
      </h4>
      <Pairs
        rows={[
          ['retries', String(view.retries)],
          ...(view.error ? [['error', `${view.error}: ${view.cause ?? ''}`] as [string, string]] : []),
        ]}
      />
      <Json label="input" value={view.input} />
      <Json label="output" value={view.output} />
    </div>
  );
}

function Graph({
  definition,
  states,
  selected,
  onSelect,
}: {
  definition: unknown;
  states: Record<string, StateView>;
  selected: string | undefined;
  onSelect: (name: string) => void;
}) {
  const { nodes, edges, width, height } = layoutMachine(definition);
  const at = new Map(nodes.map((node) => [node.name, node]));
  return (
    <svg
      class="graph"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="state machine"
    >
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead" />
        </marker>
      </defs>
      {edges.map((edge) => {
        const from = at.get(edge.from);
        const to = at.get(edge.to);
        if (!from || !to) return null;
        const x1 = from.x + NODE.width / 2;
        const y1 = from.y + NODE.height;
        const x2 = to.x + NODE.width / 2;
        const y2 = to.y;
        const back = y2 <= y1;
        const d = back
          ? `M ${from.x + NODE.width} ${from.y + NODE.height / 2} C ${from.x + NODE.width + 60} ${from.y}, ${to.x + NODE.width + 60} ${to.y + NODE.height}, ${to.x + NODE.width} ${to.y + NODE.height / 2}`
          : `M ${x1} ${y1} C ${x1} ${(y1 + y2) / 2}, ${x2} ${(y1 + y2) / 2}, ${x2} ${y2}`;
        return (
          <path
            key={`${edge.from}-${edge.to}-${edge.kind}`}
            d={d}
            class={`edge ${edge.kind}`}
            marker-end="url(#arrow)"
          />
        );
      })}
      {nodes.map((node) => {
        const status = states[node.name]?.status ?? 'idle';
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>
          <g
            key={node.name}
            class={`node ${status}${selected === node.name ? ' selected' : ''}`}
            data-state={node.name}
            data-status={status}
            transform={`translate(${node.x} ${node.y})`}
            role="button"
            tabIndex={0}
            aria-label={`state ${node.name}`}
            onClick={() => onSelect(node.name)}
            onKeyDown={(e) => e.key === 'Enter' && onSelect(node.name)}
          >
            <rect width={NODE.width} height={NODE.height} rx={node.end ? 18 : 6} />
            <text x={NODE.width / 2} y={NODE.height / 2 - 2}>
              {node.name.length > 22 ? `${node.name.slice(0, 21)}…` : node.name}
            </text>
            <text class="type" x={NODE.width / 2} y={NODE.height / 2 + 11}>
              {node.type}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

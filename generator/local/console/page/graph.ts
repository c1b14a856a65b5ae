/**
 * A state machine's definition as a graph to draw, in layers from StartAt down, the way the Step
 * Functions console lays it out: each state below the states that lead to it, transitions (Next,
 * Default, Choices, Catch) as edges. Loops (a retry through a Choice) point back up. A few dozen
 * lines instead of a layout library: ASL graphs are small and mostly a chain.
 */
export interface GraphNode {
  readonly name: string;
  readonly type: string;
  readonly end: boolean;
  readonly x: number;
  readonly y: number;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** `catch` for a Catch transition, `choice` for a Choice rule or Default. */
  readonly kind: 'next' | 'choice' | 'catch';
}

export const NODE = { width: 180, height: 36, gapX: 28, gapY: 44 };

interface AslState {
  readonly Type?: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly Default?: string;
  readonly Choices?: readonly { readonly Next?: string }[];
  readonly Catch?: readonly { readonly Next?: string }[];
}

export function layoutMachine(definition: unknown): {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
} {
  const { StartAt, States = {} } = (definition ?? {}) as {
    StartAt?: string;
    States?: Record<string, AslState>;
  };
  const edges: GraphEdge[] = [];
  for (const [name, state] of Object.entries(States)) {
    if (state.Next) edges.push({ from: name, to: state.Next, kind: 'next' });
    for (const choice of state.Choices ?? [])
      if (choice.Next) edges.push({ from: name, to: choice.Next, kind: 'choice' });
    if (state.Default) edges.push({ from: name, to: state.Default, kind: 'choice' });
    for (const handler of state.Catch ?? [])
      if (handler.Next) edges.push({ from: name, to: handler.Next, kind: 'catch' });
  }
  // Breadth-first from StartAt: a state's layer is one below the deepest state seen leading to it,
  // counting only edges to states not yet placed (so loops do not push states down forever).
  const layer = new Map<string, number>();
  const order: string[] = [];
  const queue = StartAt && States[StartAt] ? [StartAt] : [];
  if (StartAt) layer.set(StartAt, 0);
  while (queue.length > 0) {
    const name = queue.shift() as string;
    order.push(name);
    for (const edge of edges) {
      if (edge.from !== name || !States[edge.to] || order.includes(edge.to)) continue;
      const depth = (layer.get(name) ?? 0) + 1;
      if (!layer.has(edge.to)) queue.push(edge.to);
      layer.set(edge.to, Math.max(layer.get(edge.to) ?? 0, depth));
    }
  }
  // States nothing reaches still get drawn, at the bottom.
  const deepest = Math.max(0, ...layer.values());
  for (const name of Object.keys(States)) if (!layer.has(name)) layer.set(name, deepest + 1);
  const rows = new Map<number, string[]>();
  for (const [name, depth] of layer) rows.set(depth, [...(rows.get(depth) ?? []), name]);
  const widest = Math.max(1, ...[...rows.values()].map((row) => row.length));
  const width = widest * (NODE.width + NODE.gapX) + NODE.gapX;
  const nodes: GraphNode[] = [];
  for (const [depth, row] of rows) {
    const rowWidth = row.length * (NODE.width + NODE.gapX) - NODE.gapX;
    row.forEach((name, index) => {
      const state = States[name] as AslState;
      nodes.push({
        name,
        type: state.Type ?? '',
        end: state.End === true || state.Type === 'Succeed' || state.Type === 'Fail',
        x: (width - rowWidth) / 2 + index * (NODE.width + NODE.gapX),
        y: NODE.gapY / 2 + depth * (NODE.height + NODE.gapY),
      });
    });
  }
  const height = (Math.max(0, ...layer.values()) + 1) * (NODE.height + NODE.gapY);
  return { nodes, edges: edges.filter((edge) => States[edge.to]), width, height };
}

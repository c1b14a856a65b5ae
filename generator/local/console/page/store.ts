/**
 * The page's copy of the emulator's state: the API description, the views folded from events by
 * the same `applyEvent` the server uses, and the recent events for the timeline. It loads a
 * snapshot, then follows the live channel (server-sent events), re-reading the snapshot after a
 * reconnect so nothing is missed silently.
 */
import type { LocalEvent } from '../../events/types';
import { applyEvent, type ConsoleState, emptyState } from '../state';

export type Numbered = LocalEvent & { readonly seq: number };

/** Events the timeline keeps; older ones are in the server's ring (`/api/events`). */
const TIMELINE_LIMIT = 3000;

export interface AppInfo {
  readonly apiId: string;
  readonly stage: string;
  readonly region: string;
  readonly stackName: string;
  readonly routeSelectionExpression: string;
  readonly endpoints: { url: string; connections: string; sdk: string; dynamodb?: string };
  readonly routes: {
    routeKey: string;
    twoWay: boolean;
    integration: { kind: string; target: string; timeoutMs?: number };
    authorizer?: { name: string; functionId: string; identitySource: string[] };
  }[];
  readonly functions: {
    id: string;
    name: string;
    runtime: string;
    handler: string;
    timeoutSeconds: number;
    environment: Record<string, string>;
  }[];
  readonly stateMachines: { id: string; arn: string; name: string; type: string; definition: unknown }[];
  readonly tables: { id: string; name: string }[];
  readonly queues: { id: string; name: string; deadLetter?: string }[];
  readonly topics: { id: string }[];
  readonly buses: { id: string }[];
  readonly rules: { id: string }[];
}

export class Store {
  app: AppInfo | undefined;
  state: ConsoleState = emptyState();
  events: Numbered[] = [];
  /** Events the server left out of the live channel under load. */
  dropped = 0;
  /** The server sends events without payloads while the load is high. */
  detailPaused = false;
  live = false;
  private readonly listeners = new Set<() => void>();
  private scheduled = false;

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first event the state snapshot does not include. */
  private stateSeq = 0;
  /** Live events that came while a snapshot loaded. */
  private buffered: Numbered[] | undefined;

  async start(): Promise<void> {
    this.app = await getJson<AppInfo>('/api/app');
    const source = new EventSource('/api/stream');
    source.addEventListener('open', () => {
      this.live = true;
      this.changed();
    });
    source.addEventListener('error', () => {
      this.live = false;
      this.changed();
    });
    // On each (re)connection: the snapshot, then the events that follow it.
    source.addEventListener('hello', () => void this.reload());
    source.addEventListener('events', (message) => {
      const events = JSON.parse((message as MessageEvent).data) as Numbered[];
      if (this.buffered) this.buffered.push(...events);
      else for (const event of events) this.add(event);
      this.changed();
    });
    source.addEventListener('detail', (message) => {
      this.detailPaused = (JSON.parse((message as MessageEvent).data) as { paused: boolean }).paused;
      this.changed();
    });
    source.addEventListener('dropped', (message) => {
      this.dropped += (JSON.parse((message as MessageEvent).data) as { count: number }).count;
      this.changed();
    });
  }

  private async reload(): Promise<void> {
    this.buffered = [];
    const [{ nextSeq, detailPaused, ...state }, events] = await Promise.all([
      getJson<ConsoleState & { nextSeq: number; detailPaused: boolean }>('/api/state'),
      getJson<Numbered[]>('/api/events'),
    ]);
    this.state = state;
    this.stateSeq = nextSeq;
    this.detailPaused = detailPaused;
    this.events = events.slice(-TIMELINE_LIMIT);
    const buffered = this.buffered;
    this.buffered = undefined;
    for (const event of buffered) this.add(event);
    this.changed();
  }

  private add(event: Numbered): void {
    if (event.seq >= this.stateSeq) applyEvent(this.state, event);
    const last = this.events.at(-1);
    if (last && event.seq <= last.seq) return;
    this.events.push(event);
    if (this.events.length > TIMELINE_LIMIT + 500) this.events = this.events.slice(-TIMELINE_LIMIT);
  }

  /** Views re-render at most once a frame, however many events arrive. */
  changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      for (const listener of this.listeners) listener();
    });
  }
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

export async function send(method: string, path: string, body?: string): Promise<Response> {
  return fetch(path, { method, ...(body !== undefined ? { body } : {}) });
}

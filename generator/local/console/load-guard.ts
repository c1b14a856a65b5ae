/**
 * Keeps the console from slowing the data plane: it counts events, and when more than `perSecond`
 * arrive (checked four times a second) it asks the bus for events without payloads until the rate
 * falls again, and the ring keeps only the window's first `perSecond / 4`: holding on to every
 * event of a busy second would make the collector copy them all. The page is told both.
 */
import type { EventBus } from '../events/bus';

const WINDOW_MS = 250;

export interface LoadGuard {
  /** Called for each event; false when this window's share is spent (the event is not kept). */
  count(): boolean;
  stop(): void;
}

export function guardDetail(bus: EventBus, perSecond: number, changed: (paused: boolean) => void): LoadGuard {
  const limit = (perSecond * WINDOW_MS) / 1000;
  let events = 0;
  const timer = setInterval(() => {
    const paused = events > limit;
    events = 0;
    if (paused !== bus.detailIsPaused) {
      bus.pauseDetail(paused);
      changed(paused);
    }
  }, WINDOW_MS).unref();
  return {
    count: () => ++events <= limit,
    stop: () => {
      clearInterval(timer);
      bus.pauseDetail(false);
    },
  };
}

/**
 * One log line per delivery, in the manner of the route lines (`<connection> <route> lambda 200
 * 12ms`): where it came from (queue, topic or bus), where it went, how it ended and how long it took.
 */
import type { Logger } from '../log';

export function logDelivery(
  log: Logger,
  source: string,
  target: string,
  status: string,
  startedMs: number,
): void {
  if (!log.events.active) return;
  const at = Date.now();
  log.events.emit({ type: 'delivery', at, source, target, status, latencyMs: at - startedMs });
}

/** A start banner line in the emulator's `label → what` layout: `queue          → jobs, to Worker`. */
export const bannerLine = (label: string, text: string) => `${label.padEnd(14)} → ${text}`;

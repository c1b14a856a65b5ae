/**
 * The console's history: the last `size` events, each with a sequence number, so memory stays
 * bounded however long the emulator runs. A page that connects late reads what the ring still holds.
 */
import { LocalError } from '../errors';
import type { LocalEvent } from './types';

export interface Numbered {
  readonly seq: number;
  readonly event: LocalEvent;
}

export class EventRing {
  private readonly slots: (LocalEvent | undefined)[];
  /** Sequence number of the next event. */
  private next = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) {
      throw new LocalError(
        'E_LOCAL_CONSOLE',
        `console historySize ${size}: expected a whole number of 1 or more`,
        'console.historySize',
      );
    }
    this.slots = new Array(size);
  }

  push(event: LocalEvent): number {
    this.slots[this.next % this.size] = event;
    return this.next++;
  }

  /** Sequence number the next event gets; the oldest kept is `max(0, next - size)`. */
  get nextSeq(): number {
    return this.next;
  }

  /** Events with a sequence number from `since` on, oldest first (what the ring still holds). */
  since(since = 0): Numbered[] {
    const first = Math.max(since, this.next - this.size, 0);
    const out: Numbered[] = [];
    for (let seq = first; seq < this.next; seq++) {
      out.push({ seq, event: this.slots[seq % this.size] as LocalEvent });
    }
    return out;
  }
}

/**
 * The emulator's event bus. Emitting must cost nothing on the data plane when nobody listens, so
 * call sites test `active` (anyone) or `detailed` (someone wants payloads: the console) before they
 * build an event. A listener that throws is cut off from that event, never the emulator.
 */
import type { LocalEvent } from './types';

export type EventListener = (event: LocalEvent) => void;

export interface ListenOptions {
  /** The listener reads payloads (frame bodies, function events, state input and output). */
  readonly detailed?: boolean;
}

export class EventBus {
  /** Someone listens: build and emit events. */
  active = false;
  /** Someone reads payloads: include bodies, events and results. */
  detailed = false;
  private listeners: { readonly listener: EventListener; readonly detailed: boolean }[] = [];
  private detailPaused = false;

  /** Subscribes; returns the unsubscribe. */
  on(listener: EventListener, options: ListenOptions = {}): () => void {
    const entry = { listener, detailed: options.detailed === true };
    this.listeners = [...this.listeners, entry];
    this.refresh();
    return () => {
      this.listeners = this.listeners.filter((other) => other !== entry);
      this.refresh();
    };
  }

  /**
   * Under load the console asks for events without payloads: keeping every frame body and Lambda
   * event alive would cost the data plane memory and collection time.
   */
  pauseDetail(paused: boolean): void {
    this.detailPaused = paused;
    this.refresh();
  }

  get detailIsPaused(): boolean {
    return this.detailPaused;
  }

  emit(event: LocalEvent): void {
    for (const { listener } of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener (a console bug) must not fail the request that emitted.
      }
    }
  }

  private refresh(): void {
    this.active = this.listeners.length > 0;
    this.detailed = !this.detailPaused && this.listeners.some((entry) => entry.detailed);
  }
}

/**
 * The template's queues as one set: found by URL, ARN, name or logical id as SQS finds them (a URL,
 * or the `<account>/<name>` of a `path/` integration, is matched on its name, so local and
 * AWS-shaped URLs both work), each queue's redrive wired to its dead-letter queue, and listeners
 * told when a queue may have something new to hand out (a send, a visibility change), so pollers
 * wait without spinning.
 */
import { matchesReference } from '../names';
import { Queue, type QueueObserver, type SendInput, type SendResult } from './queue';
import type { SqsFailure } from './send-checks';
import type { QueueDefinition } from './template';

export class QueueSet {
  private readonly queues = new Map<string, { queue: Queue; definition: QueueDefinition }>();
  private readonly listeners = new Map<string, Set<() => void>>();

  /** `previous`: the set before a template change; a queue defined the same keeps its messages. */
  constructor(
    definitions: readonly QueueDefinition[],
    readonly now: () => number = Date.now,
    previous?: QueueSet,
  ) {
    for (const definition of definitions) {
      const before = previous?.queues.get(definition.id);
      const same = before && JSON.stringify(before.definition) === JSON.stringify(definition);
      this.queues.set(definition.id, { queue: same ? before.queue : new Queue(definition, now), definition });
    }
    for (const { queue, definition } of this.queues.values()) {
      const target = definition.deadLetterReference && this.find(definition.deadLetterReference);
      queue.deadLetter = target
        ? (message) => {
            target.accept(message);
            this.changed(target);
          }
        : undefined;
    }
  }

  /** The queue a QueueUrl, ARN, name or logical id names. */
  find(reference: string): Queue | undefined {
    const path = /^(?:[a-z]+:\/\/[^/]+\/)?(\d+)\/([^/?#]+)$/.exec(reference);
    for (const { queue, definition } of this.queues.values()) {
      const { name, arn, url } = definition;
      if (path ? path[2] === name : matchesReference(reference, definition.id, name, arn, url)) return queue;
    }
    return undefined;
  }

  /** Tells `observer` of every message of every queue of the set. */
  observe(observer: QueueObserver | undefined): void {
    for (const { queue } of this.queues.values()) queue.observer = observer;
  }

  byId(id: string): Queue | undefined {
    return this.queues.get(id)?.queue;
  }

  all(): QueueDefinition[] {
    return [...this.queues.values()].map((entry) => entry.definition);
  }

  send(queue: Queue, input: SendInput): SendResult | SqsFailure {
    const result = queue.send(input);
    if (!('failure' in result)) this.changed(queue);
    return result;
  }

  /** Calls `listener` whenever the queue may have a message to hand out; returns the unsubscribe. */
  listen(queue: Queue, listener: () => void): () => void {
    const name = queue.config.name;
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  changed(queue: Queue): void {
    for (const listener of this.listeners.get(queue.config.name) ?? []) listener();
  }
}

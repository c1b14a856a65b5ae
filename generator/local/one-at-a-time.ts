/**
 * A task that runs one at a time, as a watcher applies changes: asked again while it runs, it runs
 * once more after, so the last change is always applied and never two at once.
 */
export interface Serialized {
  /** Runs the task now, or once more after the run in progress. */
  run(): void;
  /** No more runs; resolves when the one in progress ends. */
  stop(): Promise<void>;
}

export function oneAtATime(task: () => Promise<void>): Serialized {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = task().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        run();
      }
    });
  };
  return {
    run,
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}

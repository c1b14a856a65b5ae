/**
 * `--watch` for the template: when template.yml or a state machine's DefinitionUri file changes, the
 * app is read again and applied while connections stay open: routes, integrations and mapping
 * templates for the next message, state machines for the next execution, and fresh environments
 * for the functions whose definition changed (the others stay warm). A change that does not load is
 * reported on one line and the running app stays as it was.
 */
import { statSync } from 'node:fs';
import { withRunnableRoutes } from './integrations/availability';
import type { FunctionCode } from './lambda/code';
import { oneAtATime } from './one-at-a-time';
import type { Gateway } from './server/gateway';
import type { LocalApp } from './types';

export interface AppReloading {
  /** Stops watching. */
  close(): Promise<void>;
}

/** Polling, not fs.watch: a file replaced by a rename (editors, `wskit generate --force`) is followed. */
const POLL_MS = 200;

/** A file's modification time, or -1 while it is missing (mid-rename). */
const modifiedAt = (file: string) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};

/** `load` reads the template again; `code` is the functions' code, which follows the changes. */
export function reloadOnChange(gw: Gateway, code: FunctionCode, load: () => LocalApp): AppReloading {
  /** Each watched file with the modification time last acted on. */
  const seen = new Map<string, number>();
  let closed = false;

  // The time of a newly watched file is taken at once, and every poll compares with what was acted
  // on, not with the poll before: fs.watchFile takes its first look later, and a save made before
  // that look was lost (a template edited right after start, seen under load and on Node 24).
  const watch = (files: readonly string[]) => {
    const next = new Set(files);
    for (const file of seen.keys()) if (!next.has(file)) seen.delete(file);
    for (const file of next) if (!seen.has(file)) seen.set(file, modifiedAt(file));
  };
  const poll = setInterval(() => {
    for (const [file, actedOn] of seen) {
      const now = modifiedAt(file);
      if (now === actedOn) continue;
      seen.set(file, now);
      reloads.run();
    }
  }, POLL_MS);
  poll.unref();
  const reload = async () => {
    let app: LocalApp;
    try {
      const next = load();
      // A service refuses a change it cannot run (an invalid state machine definition) by throwing.
      gw.services.aws.update(next);
      app = { ...next, functions: await code.update(next.functions) };
    } catch (error) {
      gw.log.line(`template change not applied: ${(error as Error).message ?? String(error)}`);
      return;
    }
    const reloaded = gw.services.lambda.update(app.functions);
    gw.app = withRunnableRoutes(app, gw.services.aws, gw.log);
    const fresh = reloaded.length > 0 ? `; fresh environments for ${reloaded.join(', ')}` : '';
    gw.log.line(`template reloaded: routes ${[...app.routes.keys()].join(', ')}${fresh}`);
    if (!closed) watch(appFiles(app));
  };

  // One reload at a time; changes made during one are applied by one more after it.
  const reloads = oneAtATime(reload);
  watch(appFiles(gw.app));
  return {
    close: async () => {
      closed = true;
      clearInterval(poll);
      await reloads.stop();
      watch([]);
    },
  };
}

/** The files an app was read from: the template and its state machines' definitions. */
function appFiles(app: LocalApp): string[] {
  const definitions = [...app.stateMachines.values()].flatMap((machine) =>
    machine.definitionFile ? [machine.definitionFile] : [],
  );
  return [...new Set([...(app.templateFile ? [app.templateFile] : []), ...definitions])];
}

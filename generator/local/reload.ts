/**
 * `--watch` for the template: when template.yml or a state machine's DefinitionUri file changes, the
 * app is read again and applied while connections stay open: routes, integrations and mapping
 * templates for the next message, state machines for the next execution, and fresh environments
 * for the functions whose definition changed (the others stay warm). A change that does not load is
 * reported on one line and the running app stays as it was.
 */
import { type Stats, unwatchFile, watchFile } from 'node:fs';
import { withRunnableRoutes } from './integrations/availability';
import type { FunctionCode } from './lambda/code';
import type { Gateway } from './server/gateway';
import type { LocalApp } from './types';

export interface AppReloading {
  /** Stops watching. */
  close(): Promise<void>;
}

/** Polling, not fs.watch: a file replaced by a rename (editors, `wskit generate --force`) is followed. */
const POLL_MS = 200;

/** `load` reads the template again; `code` is the functions' code, which follows the changes. */
export function reloadOnChange(gw: Gateway, code: FunctionCode, load: () => LocalApp): AppReloading {
  let watched: string[] = [];
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const onChange = (current: Stats, previous: Stats) => {
    if (current.mtimeMs !== previous.mtimeMs) schedule();
  };
  // A file already watched keeps its watcher: a new one would take its first look later, and miss
  // a change saved before that look (seen under load as a lost template edit).
  const watch = (files: readonly string[]) => {
    const next = new Set(files);
    for (const file of watched) if (!next.has(file)) unwatchFile(file, onChange);
    for (const file of next) if (!watched.includes(file)) watchFile(file, { interval: POLL_MS }, onChange);
    watched = [...next];
  };
  // One reload at a time; changes made during one are applied by one more after it.
  const schedule = () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = reload().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule();
      }
    });
  };

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

  watch(appFiles(gw.app));
  return {
    close: async () => {
      closed = true;
      await running;
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

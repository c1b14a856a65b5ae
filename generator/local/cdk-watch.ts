/**
 * `--watch` in a CDK project: synthesizes again when the app's sources change, as `cdk watch` does,
 * following cdk.json's `watch.include`/`watch.exclude` globs (else every file of the project but its
 * output, node_modules and .git). A new assembly is applied by the template watcher (./reload.ts),
 * which keeps what runs when nothing changed; a synth that fails is reported on one line and writes
 * no template, so the running app stays as it was.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, matchesGlob, relative } from 'node:path';
import { type CdkProject, synthesize } from '../template/cdk-project';
import { oneAtATime } from './one-at-a-time';

export interface SourceWatching {
  close(): Promise<void>;
}

/** Polling, like ./reload.ts: saves by rename and editors' swap files are followed the same way. */
const POLL_MS = 300;

const ALWAYS_SKIPPED = ['node_modules', '.git'];

/** Each source file with its modification time, in a stable order. */
export function sourceFiles(project: CdkProject): Map<string, number> {
  const include = project.watch.include.length > 0 ? project.watch.include : ['**'];
  const exclude = project.watch.exclude;
  const files = new Map<string, number>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const path = relative(project.dir, full);
      if (ALWAYS_SKIPPED.includes(entry.name) || full === project.outDir) continue;
      if (exclude.some((glob) => matchesGlob(path, glob))) continue;
      if (entry.isDirectory()) walk(full);
      else if (include.some((glob) => matchesGlob(path, glob))) files.set(path, statSync(full).mtimeMs);
    }
  };
  walk(project.dir);
  return files;
}

const signature = (files: Map<string, number>) => JSON.stringify([...files]);

/** Synthesizes `project` again on each change of its sources; `log` gets one line per synth. */
export function watchCdkSources(project: CdkProject, log: (line: string) => void): SourceWatching {
  let seen = signature(sourceFiles(project));
  const synth = async () => {
    try {
      const { ms } = await synthesize(project);
      log(`cdk synth: ${(ms / 1000).toFixed(1)} s`);
    } catch (error) {
      log(`${(error as Error).message}; the running app stays as it was`);
    }
  };
  const synths = oneAtATime(synth);
  const poll = setInterval(() => {
    const now = signature(sourceFiles(project));
    if (now === seen) return;
    seen = now;
    synths.run();
  }, POLL_MS);
  poll.unref();
  return {
    close: async () => {
      clearInterval(poll);
      await synths.stop();
    },
  };
}

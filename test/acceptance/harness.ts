/**
 * The acceptance corpus: apps written in the shapes public SAM WebSocket apps use (the chat
 * sample, the `apigw-websocket-*` patterns, hand-written SAM apps), each linted and then run
 * unchanged by `wskit local` from a copy outside this repository, as a user's own folder is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { lintTemplateText } from '../../generator/lint';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { templateInFolder } from '../../generator/template/app-folder';
import { copyApp, localDynamoDb } from '../local/helpers';

export { Client, eventually } from '../local/helpers';

const APPS = join(__dirname, 'apps');

/** The app's template file, named as its authors name it (template.yaml, template.yml or template.json). */
export function templateOf(app: string): string {
  const file = templateInFolder(join(APPS, app));
  if (!file) throw new Error(`${app} has no template`);
  return file;
}

/** Every finding as `CODE Section/Id` (`W9005 Resources/Fn`), sorted: a test lists exactly what it expects. */
export function lintApp(app: string): string[] {
  const file = templateOf(app);
  const findings = lintTemplateText(readFileSync(file, 'utf8'), file, {
    baseDir: join(APPS, app),
    now: new Date('2026-12-01T00:00:00Z'),
  });
  return findings.map((f) => `${f.code} ${f.path.split('/').slice(0, 2).join('/')}`).sort();
}

export interface RunningApp {
  readonly server: LocalServer;
  /** What the emulator logged, for failure messages. */
  readonly log: string[];
  dynamodb(): DynamoDBClient;
  /** The local name of a table, by its logical id. */
  tableName(id: string): string;
  close(): Promise<void>;
}

/** Starts an app from a copy outside this repository, on a free port, with instant Wait states. */
export async function runApp(
  app: string,
  options: { parameterOverrides?: Record<string, string> } = {},
): Promise<RunningApp> {
  const log: string[] = [];
  const server = await startLocal({
    appDir: copyApp(join(APPS, app)),
    port: 0,
    waitScale: 0,
    verbose: false,
    log: (line) => log.push(line),
    ...options,
  });
  let client: DynamoDBClient | undefined;
  return {
    server,
    log,
    dynamodb: () => {
      client ??= localDynamoDb(server);
      return client;
    },
    tableName(id) {
      const table = server.app.tables.find((t) => t.id === id);
      if (!table) throw new Error(`no local table ${id}; tables: ${server.app.tables.map((t) => t.id)}`);
      return table.name;
    },
    async close() {
      // ACCEPTANCE_LOG=1 shows what the emulator said, to see why a path failed.
      if (process.env.ACCEPTANCE_LOG) console.log(`${app}:\n${log.join('\n')}`);
      client?.destroy();
      await server.close();
    },
  };
}

/**
 * Services started through the registry for tests of their contract: real functions run through
 * the Lambda runner, log lines are kept, and the services reach each other's actions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LambdaRunner } from '../../../generator/local/lambda/runner';
import { createLogger } from '../../../generator/local/log';
import {
  type HostOptions,
  type RunningServices,
  startServices,
} from '../../../generator/local/services/registry';
import type { LocalService } from '../../../generator/local/services/types';
import { LOCAL_ACCOUNT_ID } from '../../../generator/local/template/resolve';
import type { LocalApp } from '../../../generator/local/types';
import type { Json } from '../../../generator/template/types';

export interface TestServices {
  readonly services: RunningServices;
  readonly lines: string[];
  close(): Promise<void>;
}

/** `host` replaces parts of what the services get (a recording `invokeFunction`, `schedules: false`). */
export async function startTestServices(
  app: LocalApp,
  services: readonly LocalService[],
  host: Partial<HostOptions> = {},
): Promise<TestServices> {
  const lines: string[] = [];
  const runner = new LambdaRunner(app.functions, {
    region: app.region,
    managementEndpoint: 'http://127.0.0.1:9/local',
    maxEnvironmentsPerFunction: 2,
    onOutput: (fn, line) => lines.push(`${fn.id}: ${line}`),
  });
  const running = await startServices(
    app,
    {
      host: '127.0.0.1',
      region: app.region,
      accountId: LOCAL_ACCOUNT_ID,
      endpoint: 'http://127.0.0.1:9',
      waitScale: 0,
      log: createLogger((line) => lines.push(line), false),
      invokeFunction: (id, event) => runner.invoke(id, event),
      ...host,
    },
    services,
  );
  return {
    services: running,
    lines,
    async close() {
      await running.close();
      await runner.close();
    },
  };
}

/** A SAM function of a test app whose code is in `<folder>/`. */
export const samFunction = (folder: string, events?: Record<string, Json>) => ({
  Type: 'AWS::Serverless::Function',
  Properties: {
    CodeUri: `${folder}/`,
    Handler: 'index.handler',
    Runtime: 'nodejs22.x',
    ...(events ? { Events: events } : {}),
  },
});

/** A handler that appends each event it gets to record.jsonl beside it, then runs `then` (its answer). */
export const recorder = (then = '') => `
const fs = require('node:fs');
exports.handler = async (event) => {
  fs.appendFileSync(process.env.LAMBDA_TASK_ROOT + '/record.jsonl', JSON.stringify(event) + '\\n');
  ${then}
};
`;

/**
 * The events the recorder in `<appDir>/<folder>` got, in order. Only whole lines count: the
 * recorder may be writing one while this reads (seen once as JSON.parse failing on a partial line).
 */
export function recorded<T = unknown>(appDir: string, folder: string): T[] {
  const file = join(appDir, folder, 'record.jsonl');
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.slice(0, -1).map((line) => JSON.parse(line) as T);
}

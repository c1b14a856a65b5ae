/**
 * Services started through the registry for tests of their contract: real functions run through
 * the Lambda runner, log lines are kept, and the services reach each other's actions.
 */
import { LambdaRunner } from '../../../generator/local/lambda/runner';
import { createLogger } from '../../../generator/local/log';
import { type RunningServices, startServices } from '../../../generator/local/services/registry';
import type { LocalService } from '../../../generator/local/services/types';
import { LOCAL_ACCOUNT_ID } from '../../../generator/local/template/resolve';
import type { LocalApp } from '../../../generator/local/types';

export interface TestServices {
  readonly services: RunningServices;
  readonly lines: string[];
  close(): Promise<void>;
}

export async function startTestServices(
  app: LocalApp,
  services: readonly LocalService[],
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

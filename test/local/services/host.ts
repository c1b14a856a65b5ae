/**
 * A ServiceHost for testing services through their contract: real functions run through the
 * Lambda runner, log lines are kept, and the services started with it reach each other's actions.
 */
import { LambdaRunner } from '../../../generator/local/lambda/runner';
import { createLogger } from '../../../generator/local/log';
import type { RunningService, ServiceAction, ServiceHost } from '../../../generator/local/services/types';
import { LOCAL_ACCOUNT_ID } from '../../../generator/local/template/resolve';
import type { LocalApp } from '../../../generator/local/types';

export interface TestHost extends ServiceHost {
  readonly lines: string[];
  /** Makes a started service's actions reachable through `action`. */
  serve(service: RunningService): RunningService;
  close(): Promise<void>;
}

export function testHost(app: LocalApp): TestHost {
  const lines: string[] = [];
  const runner = new LambdaRunner(app.functions, {
    region: app.region,
    managementEndpoint: 'http://127.0.0.1:9/local',
    maxEnvironmentsPerFunction: 2,
    onOutput: (fn, line) => lines.push(`${fn.id}: ${line}`),
  });
  const actions = new Map<string, ServiceAction>();
  const served: RunningService[] = [];
  return {
    host: '127.0.0.1',
    region: app.region,
    accountId: LOCAL_ACCOUNT_ID,
    log: createLogger((line) => lines.push(line), false),
    lines,
    invokeFunction: (id, event) => runner.invoke(id, event),
    action: (name) => actions.get(name),
    serve(service) {
      for (const [name, action] of Object.entries(service.actions ?? {})) actions.set(name, action);
      served.push(service);
      return service;
    },
    async close() {
      await Promise.all(served.map((service) => service.close()));
      await runner.close();
    },
  };
}

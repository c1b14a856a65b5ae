/**
 * `node scripts/run-ts.mjs bench/cdk-startup.ts`: how long `wskit local` takes to start from an
 * existing cdk.out (the CDK test app's Chat stack: four NodejsFunction handlers and a REQUEST
 * authorizer, a table; its Nested stack: one function, a table) against a SAM template of a like
 * shape (the lambda pattern: four functions, a table), to the server listening, and the template
 * reading alone. Runs alternate so load on the machine hits both alike;
 * the synth is not counted (the CDK's own, printed by `wskit local` in a project folder).
 */
import { performance } from 'node:perf_hooks';
import { startLocal } from '../generator/local/start-local';
import { loadLocalApp } from '../generator/local/template/load-cdk';
import { packagePath } from '../generator/paths';
import { synthesizedAssembly } from '../test/helpers/cdk';
import { percentile } from './measure';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

async function main() {
  const cdkOut = await synthesizedAssembly();
  const apps: Record<string, { appDir: string; stack?: string }> = {
    'cdk.out (Chat stack)': { appDir: cdkOut, stack: 'Chat' },
    'SAM template (lambda pattern)': { appDir: packagePath('patterns', 'lambda') },
    'cdk.out (Nested stack)': { appDir: cdkOut, stack: 'Nested' },
  };
  const times = Object.fromEntries(
    Object.keys(apps).map((name) => [name, { start: [] as number[], load: [] as number[] }]),
  );
  for (let run = 0; run < RUNS; run++) {
    for (const [name, app] of Object.entries(apps)) {
      const entry = times[name] as { start: number[]; load: number[] };
      let started = performance.now();
      loadLocalApp(app.appDir, app.stack ? { stack: app.stack } : {});
      entry.load.push(performance.now() - started);
      started = performance.now();
      const server = await startLocal({ ...app, port: 0 });
      entry.start.push(performance.now() - started);
      await server.close();
    }
  }
  for (const [name, { start, load }] of Object.entries(times)) {
    const ms = (values: number[]) => `${percentile(values, 50).toFixed(1)} ms`;
    console.log(`${name.padEnd(30)} start ${ms(start)} (median of ${RUNS}), template read ${ms(load)}`);
  }
}

void main();

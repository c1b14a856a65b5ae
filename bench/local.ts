/**
 * `npm run bench:local`: round trips per second and latency through `wskit local` — the lambda
 * app's `$default` route, the sfn-sync route (Wait states instant), and a route straight to SQS
 * whose Lambda consumer answers through @connections — against a bare `ws` echo
 * server driven by the same client, the ceiling. A second reference, a bare server that hands every
 * message to a worker thread and back (worker-hop.ts), shows what isolating handlers in a thread
 * costs by itself on this machine. All on 127.0.0.1, measured side by side in one run.
 * The client runs in its own thread, as a remote client would, so it does not share the server's
 * event loop. Each line also says how busy the server's thread was and how much CPU the whole process
 * (server, function workers, client) used per round trip: on 2 cores the sum is what limits throughput.
 */
import { type ClientRequest, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { WebSocketServer } from 'ws';
import { startLocal } from '../generator/local/start-local';
import { packagePath } from '../generator/paths';
import { lambdaAppDir, sfnSyncAppDir } from '../test/local/helpers';
import { median, percentile } from './measure';
import { workerHopServer } from './worker-hop';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** Concurrency levels: 1 shows the latency each hop adds, 8 the throughput under load. */
const LEVELS = (process.env.BENCH_CONNECTIONS ?? '1,8').split(',').map(Number);
const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 20_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5_000);
const MESSAGE = '{"first_name": "Jane", "last_name": "Doe"}';

/** The load generator: `connections` sockets, each with one message in flight; reports latencies. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.ws);
const { url, connections, count, message } = workerData;
const open = () => new Promise((resolve, reject) => {
  const socket = new WebSocket(url);
  socket.once('open', () => resolve(socket));
  socket.once('error', reject);
});
(async () => {
  const sockets = await Promise.all(Array.from({ length: connections }, open));
  const latencies = new Float64Array(count);
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(sockets.map(async (socket) => {
    while (next < count) {
      const index = next++;
      const sent = process.hrtime.bigint();
      await new Promise((resolve) => { socket.once('message', resolve); socket.send(message); });
      latencies[index] = Number(process.hrtime.bigint() - sent) / 1e6;
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('close', resolve).close())));
  parentPort.postMessage({ seconds, latencies });
})();
`;

interface Result {
  readonly name: string;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Microseconds per round trip the server's thread (this one) was busy: its event loop utilisation. */
  readonly mainBusyUs: number;
  /** Microseconds of CPU per round trip in the whole process: server, function workers and client. */
  readonly processCpuUs: number;
}

function drive(
  url: string,
  connections: number,
  count: number,
): Promise<{ seconds: number; latencies: Float64Array }> {
  const worker = new Worker(CLIENT, {
    eval: true,
    workerData: { url, connections, count, message: MESSAGE, ws: packagePath('node_modules', 'ws') },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (result) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}

async function measure(name: string, url: string, connections: number): Promise<Result> {
  await drive(url, connections, WARMUP);
  const loopBefore = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  const { seconds, latencies } = await drive(url, connections, ROUND_TRIPS);
  const loop = performance.eventLoopUtilization(loopBefore);
  const cpu = process.cpuUsage(cpuBefore);
  const samples = Array.from(latencies);
  return {
    name,
    perSecond: ROUND_TRIPS / seconds,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mainBusyUs: (loop.active * 1000) / ROUND_TRIPS,
    processCpuUs: (cpu.user + cpu.system) / ROUND_TRIPS,
  };
}

/** A page's live channel: connected, read, thrown away. */
async function followConsole(consoleUrl: string): Promise<ClientRequest> {
  return new Promise((resolve) => {
    const request = get(`${consoleUrl}api/stream`, (response) => {
      response.on('data', () => {});
      resolve(request);
    });
  });
}

async function echoServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => socket.on('message', (data) => socket.send(data.toString())));
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const echo = await echoServer();
const workerHop = await workerHopServer();
const lambda = await startLocal({ appDir: await lambdaAppDir(), port: 0 });
// The same app with the console running and a page following its live channel (read and discarded here).
const watched = await startLocal({ appDir: await lambdaAppDir(), port: 0, console: { port: 0 } });
const page = await followConsole(watched.consoleUrl as string);
const sfn = await startLocal({ appDir: sfnSyncAppDir(), port: 0, waitScale: 0 });
const sqs = await startLocal({ appDir: packagePath('bench', 'apps', 'sqs-route'), port: 0 });
const targets: Record<string, number> = { lambda: 0.5, sfn: 0.25 };
process.stdout.write(`wskit local: ${ROUND_TRIPS} round trips per line, after ${WARMUP} to warm up\n`);
for (const connections of LEVELS) {
  // Side by side at the same level: the ceiling first, then both routes.
  const results = [
    await measure('bare ws echo (ceiling)', echo.url, connections),
    await measure('bare worker-thread hop (isolation alone)', workerHop.url, connections),
    await measure('lambda $default (Lambda proxy)', lambda.url, connections),
    await measure('sfn-sync $default (VTL + StartSyncExecution)', sfn.url, connections),
    await measure('sqs $default (VTL + SendMessage → consumer)', sqs.url, connections),
  ];
  const ceiling = results[0]?.perSecond ?? 1;
  const hop = results[1]?.perSecond ?? 1;
  process.stdout.write(`${connections} connection(s), one message in flight each:\n`);
  for (const result of results) {
    const ratio = result.perSecond / ceiling;
    const target = targets[result.name.split(/[ -]/)[0] as string];
    const verdict =
      target === undefined ? '' : ` (target >= ${target * 100}%: ${ratio >= target ? 'met' : 'NOT met'})`;
    const ofHop = result.name.startsWith('lambda')
      ? `, ${((result.perSecond / hop) * 100).toFixed(0)}% of the worker hop`
      : '';
    process.stdout.write(
      `  ${result.name.padEnd(46)} ${result.perSecond.toFixed(0).padStart(7)} round trips/s  ` +
        `p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  ${(ratio * 100).toFixed(0)}% of echo${ofHop}${verdict}\n` +
        `  ${''.padEnd(46)} server thread busy ${result.mainBusyUs.toFixed(0)} µs, process CPU ${result.processCpuUs.toFixed(0)} µs per round trip\n`,
    );
  }
}
// What the console costs the Lambda route: the same app with and without it, in alternation (the
// machine is shared, so load drifts between lines); medians of CONSOLE_PAIRS pairs at 8 connections.
const pairs = Number(process.env.BENCH_CONSOLE_PAIRS ?? 3);
const plainRuns: Result[] = [];
const consoleRuns: Result[] = [];
for (let i = 0; i < pairs; i++) {
  // Each goes first in every other pair, so a drift in load favours neither.
  if (i % 2 === 1) consoleRuns.push(await measure('console', watched.url, 8));
  plainRuns.push(await measure('plain', lambda.url, 8));
  if (i % 2 === 0) consoleRuns.push(await measure('console', watched.url, 8));
}
const plainRate = median(plainRuns.map((r) => r.perSecond));
const consoleRate = median(consoleRuns.map((r) => r.perSecond));
const cost = (1 - consoleRate / plainRate) * 100;
const busy = (runs: Result[]) => median(runs.map((r) => r.mainBusyUs)).toFixed(0);
process.stdout.write(
  `lambda $default with the console open and receiving, ${pairs} alternating pairs at 8 connections:\n` +
    `  without ${plainRate.toFixed(0)} round trips/s, with ${consoleRate.toFixed(0)} round trips/s: ` +
    `costs ${cost.toFixed(1)}% (target <= 5%: ${cost <= 5 ? 'met' : 'NOT met'}); ` +
    `server thread busy ${busy(plainRuns)} → ${busy(consoleRuns)} µs per round trip\n`,
);
page.destroy();
await Promise.all([
  echo.close(),
  workerHop.close(),
  lambda.close(),
  watched.close(),
  sfn.close(),
  sqs.close(),
]);

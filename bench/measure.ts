/** Small helpers shared by the benchmarks: timing of child processes and summaries. */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export function timeCommand(
  args: readonly string[],
  options: {
    cwd?: string /** Exit statuses that count as success (default: 0). */;
    okStatus?: readonly number[];
  } = {},
): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    encoding: 'utf8',
  });
  const elapsed = performance.now() - start;
  if (!(options.okStatus ?? [0]).includes(result.status ?? -1))
    throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return elapsed;
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * `wskit generate` as users run it: a cold CLI process per app, bundling and linting included.
 * Bare `node` start-up is measured in the same run as the floor no CLI can beat.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../generator/paths';
import { table } from '../generator/text-table';
import { median, ms, timeCommand } from './measure';

const RUNS = 7;
const TARGET_MS = 400;
/** Quoted in the issue for `cdk synth` of equivalent stacks here, with validation off; not measured (no CDK installed). */
const CDK_SYNTH_NO_VALIDATION_MS = 850;

const cli = packagePath('bin', 'wskit.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'wskit-bench-'));
const sample = (run: (i: number) => number) => median(Array.from({ length: RUNS }, (_, i) => run(i)));

try {
  const node = sample(() => timeCommand(['-e', '0']));
  const lambda = sample((i) =>
    timeCommand([cli, 'generate', 'lambda', '--out', join(scratch, `lambda-${i}`)]),
  );
  const sfn = sample((i) => timeCommand([cli, 'generate', 'sfn-sync', '--out', join(scratch, `sfn-${i}`)]));
  const both = lambda + sfn;
  process.stdout.write(
    `${table([
      ['cold CLI run (median of 7)', 'wall time'],
      ['node -e 0 (start-up floor)', ms(node)],
      ['wskit generate lambda', ms(lambda)],
      ['wskit generate sfn-sync', ms(sfn)],
      ['both patterns together', ms(both)],
    ]).join('\n')}\n\n` +
      `both / target ${TARGET_MS} ms = ${(both / TARGET_MS).toFixed(2)} (${both <= TARGET_MS ? 'met' : 'MISSED'})\n` +
      `both / cdk synth without validation (${CDK_SYNTH_NO_VALIDATION_MS} ms, quoted) = ${(both / CDK_SYNTH_NO_VALIDATION_MS).toFixed(2)}\n`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

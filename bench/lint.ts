/**
 * `wskit lint` speed: warm, in process, per template (the cost `wskit generate` and editors pay),
 * and a cold CLI process on both example templates (the cost a CI step pays). Bare `node`
 * start-up is measured in the same run as the floor no CLI can beat.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lintTemplateText } from '../generator/lint/index';
import { packagePath } from '../generator/paths';
import { table } from '../generator/text-table';
import { median, ms, percentile, timeCommand } from './measure';

const WARM_RUNS = 200;
const COLD_RUNS = 7;
const WARM_TARGET_MS = 20;
const COLD_TARGET_MS = 500;
/** The upstream linter (cfn-lint) per run on these files, as quoted in the issue; not measured here (not installable). */
const UPSTREAM_QUOTED_MS = 3000;

const templates = ['patterns/lambda/template.yml', 'patterns/sfn-sync/template.yml'].map((file) =>
  packagePath(file),
);
const cli = packagePath('bin', 'wskit.mjs');

function warm(file: string): number[] {
  const text = readFileSync(file, 'utf8');
  const options = { baseDir: dirname(file) };
  for (let i = 0; i < 20; i++) lintTemplateText(text, file, options);
  return Array.from({ length: WARM_RUNS }, () => {
    const start = performance.now();
    const findings = lintTemplateText(text, file, options);
    const elapsed = performance.now() - start;
    if (findings.length > 0) throw new Error(`${file} is expected to lint clean, got ${findings[0].code}`);
    return elapsed;
  });
}

const warmRows = templates.map((file) => {
  const times = warm(file);
  return [file.slice(packagePath('').length + 1), ms(median(times)), ms(percentile(times, 95))];
});
const node = median(Array.from({ length: COLD_RUNS }, () => timeCommand(['-e', '0'])));
const cold = median(Array.from({ length: COLD_RUNS }, () => timeCommand([cli, 'lint', ...templates])));

process.stdout.write(
  `${table([['warm, in process (200 runs)', 'median', 'p95'], ...warmRows]).join('\n')}\n\n${table([
    [`cold CLI run (median of ${COLD_RUNS})`, 'wall time'],
    ['node -e 0 (start-up floor)', ms(node)],
    ['wskit lint patterns/lambda + sfn-sync templates', ms(cold)],
  ]).join('\n')}\n\n` +
    `targets: warm < ${WARM_TARGET_MS} ms per template, cold CLI < ${COLD_TARGET_MS} ms\n` +
    `upstream linter: ~${UPSTREAM_QUOTED_MS / 1000} s per run as quoted in the issue (not measured: cfn-lint is not installable here)\n` +
    `speed-up of the cold CLI run over the quoted figure: ${(UPSTREAM_QUOTED_MS / cold).toFixed(1)}x\n`,
);

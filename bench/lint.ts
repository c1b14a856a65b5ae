/**
 * `wskit lint` speed: warm, in process, per template (the cost `wskit generate` and editors pay);
 * a cold CLI process on one file (a pre-commit hook); and one CLI process on 170 files (a CI step
 * over a repository of templates). The 170 are the repository's own fixtures and pattern templates
 * repeated with variations (bench/lint-corpus.ts): no real-world templates are stored here.
 *
 * `--baseline <folder>` also times another built copy of wskit (for example `main`, unpacked with
 * `git archive main | tar -x -C <folder>`, node_modules linked, `npm run build`) on the same files
 * in the same run, so the figures sit side by side under the same machine load.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { lintTemplateText } from '../generator/lint/index';
import { packagePath } from '../generator/paths';
import { table } from '../generator/text-table';
import { buildLintCorpus } from './lint-corpus';
import { median, ms, percentile, timeCommand } from './measure';

const WARM_RUNS = 200;
const COLD_RUNS = 7;
const CORPUS_RUNS = 5;
const CORPUS_SIZE = 170;
const WARM_TARGET_MS = 20;
const COLD_TARGET_MS = 500;
/** The lint CLI exits with cfn-lint's bitmask: 2 errors, 4 warnings, 6 both (the corpus has broken templates). */
const LINT_STATUSES = [0, 2, 4, 6];
/** The upstream linter (cfn-lint) per run on these files, as quoted in the issue; not measured here (not installable). */
const UPSTREAM_QUOTED_MS = 3000;

const templates = ['patterns/lambda/template.yml', 'patterns/sfn-sync/template.yml'].map((file) =>
  packagePath(file),
);
const baselineAt = process.argv.indexOf('--baseline');
const baseline = baselineAt > 0 ? process.argv[baselineAt + 1] : undefined;

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

const corpus = buildLintCorpus(CORPUS_SIZE);
const clis = [['this tree', packagePath('bin', 'wskit.mjs')]];
if (baseline) clis.push(['baseline', join(baseline, 'bin', 'wskit.mjs')]);
const timeLint = (cli: string, files: readonly string[], runs: number) =>
  median(
    Array.from({ length: runs }, () => timeCommand([cli, 'lint', ...files], { okStatus: LINT_STATUSES })),
  );
// Interleaved, so both copies see the same load.
const cold = clis.map(([, cli]) => timeLint(cli, [templates[0]], COLD_RUNS));
const many = clis.map(([, cli]) => timeLint(cli, corpus, CORPUS_RUNS));
const node = median(Array.from({ length: COLD_RUNS }, () => timeCommand(['-e', '0'])));

// The same 170 files in this process, each copy's linter loaded once: no process start-up noise.
type Lint = typeof lintTemplateText;
const linters: Lint[] = [lintTemplateText];
if (baseline)
  linters.push(
    (await import(pathToFileURL(join(baseline, 'dist', 'index.mjs')).href)).lintTemplateText as Lint,
  );
const texts = corpus.map((file) => ({ file, text: readFileSync(file, 'utf8'), baseDir: dirname(file) }));
const lintAll = (lint: Lint) => {
  const start = performance.now();
  for (const { file, text, baseDir } of texts) {
    try {
      lint(text, file, { baseDir });
    } catch {
      // A fixture that does not parse is part of the work (LintInputError).
    }
  }
  return performance.now() - start;
};
for (const lint of linters) lintAll(lint);
const inProcess = linters.map(() => [] as number[]);
for (let run = 0; run < CORPUS_RUNS; run++) {
  for (const [i, lint] of linters.entries()) inProcess[i].push(lintAll(lint));
}
const warmCorpus = inProcess.map(median);

const ratio = (i: number, values: number[]) =>
  i === 0 ? '' : `${(values[i] / values[0]).toFixed(2)}x this tree`;
process.stdout.write(
  `${table([['warm, in process (200 runs)', 'median', 'p95'], ...warmRows]).join('\n')}\n\n${table([
    ['cold CLI runs (median)', ...clis.map(([name]) => name)],
    ['node -e 0 (start-up floor)', ms(node), ...(baseline ? [''] : [])],
    [`wskit lint patterns/lambda/template.yml (${COLD_RUNS} runs)`, ...cold.map(ms)],
    [`wskit lint on ${CORPUS_SIZE} files in one run (${CORPUS_RUNS} runs)`, ...many.map(ms)],
    [`the same ${CORPUS_SIZE} files in process, warm (${CORPUS_RUNS} runs)`, ...warmCorpus.map(ms)],
  ]).join('\n')}\n` +
    (baseline
      ? `baseline / this tree: one file ${ratio(1, cold)}, ${CORPUS_SIZE} files ${ratio(1, many)}, in process ${ratio(1, warmCorpus)}\n`
      : '') +
    `\nthe ${CORPUS_SIZE} files: the repository's lint fixtures and pattern templates, repeated with variations (bench/lint-corpus.ts)\n` +
    `per file in the ${CORPUS_SIZE}-file run: ${ms(many[0] / CORPUS_SIZE)}\n` +
    `targets: warm < ${WARM_TARGET_MS} ms per template, cold CLI < ${COLD_TARGET_MS} ms\n` +
    `upstream linter: ~${UPSTREAM_QUOTED_MS / 1000} s per run as quoted in the issue (not measured: cfn-lint is not installable here)\n` +
    `speed-up of the cold one-file run over the quoted figure: ${(UPSTREAM_QUOTED_MS / cold[0]).toFixed(1)}x\n`,
);

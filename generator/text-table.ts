/** Plain-text tables for terminal output: the deploy client's change sets and outputs, the benchmarks. */

/** Left-aligned columns separated by two spaces; the first row is the header, underlined. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const render = (row: readonly string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [render(rows[0]), render(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(render)];
}

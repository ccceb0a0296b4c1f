/**
 * A plain-text table. `align` has one letter per column, `l` or `r`; without it, columns whose
 * cells are all numbers are right-aligned.
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (string | number)[][],
  align?: string,
): string {
  const cells = [headers.map(String), ...rows.map((row) => row.map(String))];
  const right = headers.map((_, column) =>
    align ? align[column] === 'r' : rows.every((row) => typeof row[column] === 'number'),
  );
  const widths = headers.map((_, column) =>
    Math.max(...cells.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        right[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

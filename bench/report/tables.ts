// Markdown tables from rows of plain values. Columns holding only numbers align right.

export type Cell = string | number | boolean | null | undefined;

function text(cell: Cell): string {
  if (cell === null || cell === undefined) return 'n/a';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  if (typeof cell === 'number') {
    // Figures arrive rounded (stats.round); show every digit they kept.
    return Number.isFinite(cell)
      ? cell.toLocaleString('en-US', { maximumFractionDigits: 6 })
      : 'n/a';
  }
  return cell.replace(/\|/g, '\\|');
}

export function table(header: string[], rows: Cell[][]): string {
  const numeric = header.map((_, column) =>
    rows.every((row) => typeof row[column] === 'number' || row[column] === null),
  );
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${numeric.map((right) => (right ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(text).join(' | ')} |`),
  ];
  return lines.join('\n');
}

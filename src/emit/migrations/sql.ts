// SQL text for the additive changes a build may generate. Names are always double-quoted so a
// column called `order` or `group` works; values in CHECK lists are SQL string literals.

import type { AddedColumns } from './diff.ts';
import type { ColumnSnapshot, TableSnapshot } from './schema.ts';

export function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteValue(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
}

export function columnDefinition(column: ColumnSnapshot): string {
  const parts = [quoteName(column.name), column.type];
  if (column.primaryKey) parts.push('PRIMARY KEY');
  if (column.notNull) parts.push('NOT NULL');
  if (column.in !== undefined) {
    parts.push(`CHECK (${quoteName(column.name)} IN (${column.in.map(quoteValue).join(', ')}))`);
  }
  return parts.join(' ');
}

export function createTable(table: TableSnapshot): string {
  const columns = table.columns.map((column) => `  ${columnDefinition(column)}`);
  return `CREATE TABLE ${quoteName(table.table)} (\n${columns.join(',\n')}\n);`;
}

/**
 * SQLite adds one column per statement. A CHECK on a new nullable column is fine: existing rows
 * hold NULL, which a CHECK accepts.
 */
export function addColumns({ table, columns }: AddedColumns): string {
  return columns
    .map(
      (column) => `ALTER TABLE ${quoteName(table.table)} ADD COLUMN ${columnDefinition(column)};`,
    )
    .join('\n');
}

// Snapshot lines: how a migration file tells later builds what the database holds after it.
//
//   -- quickback-table: {"table":"applications","columns":[{"name":"id","type":"TEXT",...}]}
//   -- quickback-drop-table: notes
//
// A `quickback-table` line gives a table's complete shape after the file has run (it creates or
// replaces that table in the replayed state); a `quickback-drop-table` line removes one. Every
// generated migration carries a line for each table it creates or alters. A hand-written
// migration that changes a table carries the same lines, which is how a destructive change the
// compiler refuses to generate gets recorded (the build error prints the line to paste).

import type { ColumnSnapshot, SqlType, TableSnapshot } from './schema.ts';

export const TABLE_MARK = '-- quickback-table:';
export const DROP_MARK = '-- quickback-drop-table:';

export type SnapshotLine =
  { kind: 'table'; table: TableSnapshot } | { kind: 'drop'; table: string };

export function tableLine(table: TableSnapshot): string {
  return `${TABLE_MARK} ${JSON.stringify(table)}`;
}

export function dropLine(sqlName: string): string {
  return `${DROP_MARK} ${sqlName}`;
}

export class SnapshotError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The snapshot lines of one migration file, in order; throws SnapshotError on a bad line. */
export function readSnapshotLines(contents: string): SnapshotLine[] {
  const found: SnapshotLine[] = [];
  contents.split('\n').forEach((raw, index) => {
    const text = raw.trim();
    if (text.startsWith(TABLE_MARK)) {
      found.push({ kind: 'table', table: parseTable(text.slice(TABLE_MARK.length), index + 1) });
    } else if (text.startsWith(DROP_MARK)) {
      found.push({ kind: 'drop', table: parseDrop(text.slice(DROP_MARK.length), index + 1) });
    }
  });
  return found;
}

function parseDrop(rest: string, line: number): string {
  const name = rest.trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new SnapshotError(line, `expected a table name after "${DROP_MARK}"`);
  }
  return name;
}

function parseTable(rest: string, line: number): TableSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(rest);
  } catch {
    throw new SnapshotError(line, `the text after "${TABLE_MARK}" is not valid JSON`);
  }

  const table = asTable(value);
  if (table === null) {
    throw new SnapshotError(line, 'expected {"table": name, "columns": [{"name", "type"}, ...]}');
  }
  return table;
}

function asTable(value: unknown): TableSnapshot | null {
  if (!isObject(value) || typeof value.table !== 'string' || !Array.isArray(value.columns)) {
    return null;
  }
  const columns = value.columns.map(asColumn);
  if (columns.some((column) => column === null)) return null;
  return { table: value.table, columns: columns as ColumnSnapshot[] };
}

const SQL_TYPES: readonly string[] = ['TEXT', 'INTEGER', 'REAL'];

function asColumn(value: unknown): ColumnSnapshot | null {
  if (!isObject(value) || typeof value.name !== 'string') return null;
  if (typeof value.type !== 'string' || !SQL_TYPES.includes(value.type)) return null;

  const column: ColumnSnapshot = { name: value.name, type: value.type as SqlType };
  if (value.primaryKey === true) column.primaryKey = true;
  if (value.notNull === true) column.notNull = true;
  if (value.in !== undefined) {
    const allowed = value.in;
    const valid = Array.isArray(allowed) && allowed.every(isScalar);
    if (!valid) return null;
    column.in = allowed as (string | number)[];
  }
  return column;
}

function isScalar(item: unknown): item is string | number {
  return typeof item === 'string' || typeof item === 'number';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

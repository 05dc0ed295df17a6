// The database schema as SQL sees it: only the facts a migration can create or must preserve.
// Both the manifest (through the model) and the existing migrations (through their snapshot
// lines) are reduced to this shape, so diffing compares like with like.

import type { ColumnModel, ColumnType, ProjectModel, TableModel } from '../../model/types.ts';

export type SqlType = 'TEXT' | 'INTEGER' | 'REAL';

export interface ColumnSnapshot {
  /** SQL (snake_case) name. */
  name: string;
  type: SqlType;
  primaryKey?: true;
  notNull?: true;
  /** Values a CHECK (... IN (...)) constraint allows: enum strings, or 0 and 1 for booleans. */
  in?: (string | number)[];
}

export interface TableSnapshot {
  /** SQL (snake_case) name. */
  table: string;
  columns: ColumnSnapshot[];
}

/** Tables by SQL name. */
export type SchemaState = Map<string, TableSnapshot>;

const sqlTypes: Record<ColumnType, SqlType> = {
  text: 'TEXT',
  timestamp: 'TEXT',
  json: 'TEXT',
  integer: 'INTEGER',
  boolean: 'INTEGER',
  real: 'REAL',
};

export function columnSnapshot(column: ColumnModel): ColumnSnapshot {
  const snapshot: ColumnSnapshot = { name: column.sqlName, type: sqlTypes[column.type] };
  if (column.primaryKey) snapshot.primaryKey = true;
  // SQLite lets a non-integer primary key hold NULL unless told otherwise.
  if (column.required || column.primaryKey) snapshot.notNull = true;
  if (column.enum !== null) snapshot.in = [...column.enum];
  if (column.type === 'boolean') snapshot.in = [0, 1];
  return snapshot;
}

export function tableSnapshot(table: TableModel): TableSnapshot {
  return { table: table.sqlName, columns: table.columns.map(columnSnapshot) };
}

/** The schema the manifest asks for. */
export function schemaFromModel(model: ProjectModel): SchemaState {
  return new Map(model.tables.map((table) => [table.sqlName, tableSnapshot(table)]));
}

/** Same SQL definition: what decides whether an existing column can stay as it is. */
export function sameColumn(a: ColumnSnapshot, b: ColumnSnapshot): boolean {
  return columnKey(a) === columnKey(b);
}

function columnKey(column: ColumnSnapshot): string {
  const { name, type, primaryKey = false, notNull = false } = column;
  // The order of values in a CHECK ... IN list means nothing.
  const allowed = column.in === undefined ? null : column.in.map(String).sort();
  return JSON.stringify([name, type, primaryKey, notNull, allowed]);
}

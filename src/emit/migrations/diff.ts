// Compares the replayed database schema with the one the manifest asks for. Additive changes
// (a new table, a new nullable column) become a migration; anything else is a problem the user
// resolves by hand, because guessing how to move existing rows could lose data.

import { sameColumn, type ColumnSnapshot, type SchemaState, type TableSnapshot } from './schema.ts';

export interface AddedColumns {
  table: TableSnapshot;
  columns: ColumnSnapshot[];
}

export type SchemaProblem =
  | { kind: 'dropped-table'; table: string }
  | { kind: 'changed-table'; table: string; wanted: TableSnapshot; changes: string[] };

export interface SchemaDiff {
  created: TableSnapshot[];
  added: AddedColumns[];
  problems: SchemaProblem[];
}

export function diffSchemas(before: SchemaState, after: SchemaState): SchemaDiff {
  const diff: SchemaDiff = { created: [], added: [], problems: [] };

  for (const name of [...after.keys()].sort()) {
    const wanted = after.get(name)!;
    const existing = before.get(name);
    if (existing === undefined) diff.created.push(wanted);
    else diffTable(existing, wanted, diff);
  }

  for (const name of [...before.keys()].sort()) {
    if (!after.has(name)) diff.problems.push({ kind: 'dropped-table', table: name });
  }
  return diff;
}

export function isEmpty(diff: SchemaDiff): boolean {
  return diff.created.length === 0 && diff.added.length === 0 && diff.problems.length === 0;
}

function diffTable(existing: TableSnapshot, wanted: TableSnapshot, diff: SchemaDiff): void {
  const changes: string[] = [];
  const added: ColumnSnapshot[] = [];
  const old = new Map(existing.columns.map((column) => [column.name, column]));
  const kept = new Set(wanted.columns.map((column) => column.name));

  for (const column of existing.columns) {
    if (!kept.has(column.name)) changes.push(`column "${column.name}" would be dropped`);
  }
  for (const column of wanted.columns) {
    const before = old.get(column.name);
    if (before === undefined) {
      const blocker = newColumnBlocker(column);
      if (blocker === null) added.push(column);
      else changes.push(blocker);
    } else if (!sameColumn(before, column)) {
      changes.push(describeChange(before, column));
    }
  }

  if (changes.length > 0) {
    diff.problems.push({ kind: 'changed-table', table: wanted.table, wanted, changes });
  } else if (added.length > 0) {
    diff.added.push({ table: wanted, columns: added });
  }
}

/** Why a new column cannot simply be added to a table that may already hold rows. */
function newColumnBlocker(column: ColumnSnapshot): string | null {
  if (column.primaryKey) return `new column "${column.name}" would become the primary key`;
  if (column.notNull) {
    return `new column "${column.name}" is required (NOT NULL), and existing rows have no value`;
  }
  return null;
}

function describeChange(before: ColumnSnapshot, after: ColumnSnapshot): string {
  const name = `column "${after.name}"`;
  if (before.type !== after.type) {
    return `${name} would change type from ${before.type} to ${after.type}`;
  }
  if (Boolean(before.primaryKey) !== Boolean(after.primaryKey)) {
    return after.primaryKey
      ? `${name} would become the primary key`
      : `${name} would stop being the primary key`;
  }
  if (Boolean(before.notNull) !== Boolean(after.notNull)) {
    return after.notNull ? `${name} would become NOT NULL` : `${name} would stop being NOT NULL`;
  }
  return `${name} would change its allowed values from ${allowed(before)} to ${allowed(after)}`;
}

function allowed(column: ColumnSnapshot): string {
  return column.in === undefined ? 'any value' : `(${column.in.join(', ')})`;
}

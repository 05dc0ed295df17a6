// Reference checks inside each table: keys, columns named by other keys, owner and ids.

import type { DocumentReporter } from '../diagnostics/sink.ts';
import { pathLabel } from '../diagnostics/path.ts';
import type { ColumnDefinition, Table } from '../manifest-types.ts';
import { columnDefinitions, entries, ownerFieldOf, snakeCase } from '../model/manifest-access.ts';
import { suggest } from './suggest.ts';

const PROTO = '__proto__';
const PROTO_REASON = 'generated code uses it as an object key, where it means the prototype';

export function checkTables(tables: [string, Table][], reporter: DocumentReporter): void {
  for (const [name, table] of tables) checkTable(name, table, reporter);
  checkSqlCollisions(
    'tables',
    tables.map(([name]) => name),
    ['tables'],
    reporter,
  );
}

function checkTable(name: string, table: Table, reporter: DocumentReporter): void {
  const base = ['tables', name];
  const columns = new Map(columnDefinitions(table));

  if (name === PROTO)
    reporter.at('QB029', { kind: 'table', name, reason: PROTO_REASON }, base, 'key');
  checkColumns(name, columns, reporter);
  checkFirewall(name, table, columns, reporter);
  checkOwner(name, table, columns, reporter);
  checkMasking(name, table, columns, reporter);
  checkFields(name, table, columns, reporter);
}

function checkColumns(
  table: string,
  columns: Map<string, ColumnDefinition>,
  reporter: DocumentReporter,
): void {
  const base = ['tables', table, 'columns'];
  const keys = [...columns].filter(([, c]) => c.primaryKey === true).map(([n]) => n);

  if (keys.length === 0) reporter.at('QB027', { table }, ['tables', table], 'key');
  for (const extra of keys.slice(1)) {
    reporter.at('QB028', { table, columns: keys }, [...base, extra, 'primaryKey']);
  }

  for (const [name, column] of columns) {
    if (name === PROTO)
      reporter.at('QB029', { kind: 'column', name, reason: PROTO_REASON }, [...base, name], 'key');
    if (column.enum && column.type !== 'text') {
      reporter.at('QB032', { column: name, type: column.type }, [...base, name, 'enum'], 'key');
    }
  }

  checkSqlCollisions('columns', [...columns.keys()], base, reporter);
}

function checkFirewall(
  table: string,
  spec: Table,
  columns: Map<string, ColumnDefinition>,
  reporter: DocumentReporter,
): void {
  const rules = spec.firewall ?? [];
  if (rules.length === 0) reporter.at('QB041', { table }, ['tables', table], 'key');

  rules.forEach((rule, index) => {
    const path = ['tables', table, 'firewall', index, 'field'];
    const column = columns.get(rule.field);
    if (!column) {
      const suggestion = suggest(rule.field, columns.keys());
      reporter.at('QB021', { at: pathLabel(path), name: rule.field, table, suggestion }, path);
    } else if (column.type !== 'text') {
      reporter.at('QB031', { at: pathLabel(path), column: rule.field, type: column.type }, path);
    }
  });
}

function checkOwner(
  table: string,
  spec: Table,
  columns: Map<string, ColumnDefinition>,
  reporter: DocumentReporter,
): void {
  const owner = ownerFieldOf(spec);
  if (owner === null) return;

  // An inferred owner sits on the `createdBy` column; an explicit one on `ownerField`.
  const path =
    spec.ownerField !== undefined
      ? ['tables', table, 'ownerField']
      : ['tables', table, 'columns', owner];
  const column = columns.get(owner);

  if (!column) {
    const suggestion = suggest(owner, columns.keys());
    reporter.at('QB022', { at: pathLabel(path), name: owner, table, suggestion }, path);
  } else if (column.type !== 'text') {
    reporter.at('QB031', { at: pathLabel(path), column: owner, type: column.type }, path);
  }
}

function checkMasking(
  table: string,
  spec: Table,
  columns: Map<string, ColumnDefinition>,
  reporter: DocumentReporter,
): void {
  const hasOwner = ownerFieldOf(spec) !== null;

  for (const [field, rule] of entries(spec.masking)) {
    const path = ['tables', table, 'masking', field];
    if (!columns.has(field)) {
      const suggestion = suggest(field, columns.keys());
      reporter.at('QB023', { at: pathLabel(path), name: field, table, suggestion }, path, 'key');
    }
    if (rule.show?.or === 'owner' && !hasOwner) {
      reporter.at('QB030', { table }, [...path, 'show', 'or']);
    }
  }
}

function checkFields(
  table: string,
  spec: Table,
  columns: Map<string, ColumnDefinition>,
  reporter: DocumentReporter,
): void {
  const realtime = spec.realtime;
  if (typeof realtime !== 'object' || !realtime.fields) return;

  const path = ['tables', table, 'realtime', 'fields'];
  realtime.fields.forEach((field, index) => {
    if (columns.has(field)) return;
    const suggestion = suggest(field, columns.keys());
    reporter.at('QB020', { at: pathLabel(path), name: field, table, suggestion }, [...path, index]);
  });

  const key = [...columns].find(([, c]) => c.primaryKey === true)?.[0];
  if (key !== undefined && !realtime.fields.includes(key))
    reporter.at('QB040', { table, key }, path, 'key');
}

/** Names that differ in TypeScript but meet in SQL (`userId` and `user_id`). */
function checkSqlCollisions(
  kind: string,
  names: string[],
  base: string[],
  reporter: DocumentReporter,
): void {
  const bySql = new Map<string, string[]>();
  for (const name of names) {
    const sqlName = snakeCase(name);
    const group = bySql.get(sqlName) ?? [];
    group.push(name);
    bySql.set(sqlName, group);
  }

  for (const [sqlName, group] of bySql) {
    if (group.length < 2) continue;
    reporter.at('QB033', { kind, names: group, sqlName }, [...base, group[1] ?? ''], 'key');
  }
}

// Record shapes: one interface per realtime table from its columns, and the maps that tie
// table names to records, to the fields events carry and to primary keys.

import ts from 'typescript';

import type { ColumnModel, TableModel } from '../../model/types.ts';
import {
  exportInterface,
  exportType,
  keyword,
  nullType,
  stringUnion,
  typeLiteral,
  typeRef,
  union,
  withDoc,
  type MemberSpec,
} from '../ast/index.ts';
import type { HelperTable } from './names.ts';

export function columnType(column: ColumnModel): ts.TypeNode {
  if (column.enum !== null) return stringUnion(column.enum);
  switch (column.type) {
    case 'text':
    case 'timestamp':
      return keyword(ts.SyntaxKind.StringKeyword);
    case 'integer':
    case 'real':
      return keyword(ts.SyntaxKind.NumberKeyword);
    case 'boolean':
      return keyword(ts.SyntaxKind.BooleanKeyword);
    case 'json':
      return keyword(ts.SyntaxKind.UnknownKeyword);
  }
}

function columnMember(column: ColumnModel): MemberSpec {
  const type = columnType(column);
  if (column.required || column.primaryKey) return { name: column.name, type };
  // `unknown` already admits null; `unknown | null` would only add noise.
  if (column.type === 'json' && column.enum === null)
    return { name: column.name, type, optional: true };
  return { name: column.name, type: union([type, nullType()]), optional: true };
}

/**
 * A type alias rather than an interface: object-literal types are assignable to the runtime's
 * `Record<string, unknown>`, interfaces are not (they may gain members by merging).
 */
export function recordInterface({ table, recordType }: HelperTable): ts.Statement {
  const node = exportType(recordType, typeLiteral(table.columns.map(columnMember)));
  return withDoc(node, `A row of \`${table.name}\` as the helper accepts it.`);
}

/** Columns an event carries: `fields` when given (primary key included), else every column. */
export function sentFields(table: TableModel): string[] {
  const fields = table.realtime.fields ?? table.columns.map((column) => column.name);
  return fields.includes(table.primaryKey) ? fields : [table.primaryKey, ...fields];
}

function pick(recordType: string, keys: string[]): ts.TypeNode {
  return typeRef('Pick', typeRef(recordType), stringUnion(keys));
}

function sentRecord({ table, recordType }: HelperTable): ts.TypeNode {
  const fields = sentFields(table);
  return fields.length === table.columns.length ? typeRef(recordType) : pick(recordType, fields);
}

function tableMap(
  name: string,
  doc: string,
  tables: HelperTable[],
  type: (entry: HelperTable) => ts.TypeNode,
): ts.Statement {
  const members = tables.map((entry) => ({ name: entry.table.name, type: type(entry) }));
  return withDoc(exportInterface(name, members), doc);
}

function tablesWhere(
  name: string,
  doc: string,
  tables: HelperTable[],
  test: (table: TableModel) => boolean,
): ts.Statement {
  const names = tables.filter((entry) => test(entry.table)).map((entry) => entry.table.name);
  return withDoc(exportType(name, stringUnion(names)), doc);
}

export function recordStatements(tables: HelperTable[]): ts.Statement[] {
  return [
    ...tables.map(recordInterface),
    tableMap('Tables', 'Realtime tables and their records.', tables, (entry) =>
      typeRef(entry.recordType),
    ),
    tableMap('SentRecords', 'What an event carries: the table `fields`.', tables, sentRecord),
    tableMap('TableKeys', 'The primary key of each table, as `delete` takes it.', tables, (e) =>
      pick(e.recordType, [e.table.primaryKey]),
    ),
    tablesWhere(
      'InsertTable',
      'Tables that broadcast inserts.',
      tables,
      (t) => t.realtime.onInsert,
    ),
    tablesWhere(
      'UpdateTable',
      'Tables that broadcast updates.',
      tables,
      (t) => t.realtime.onUpdate,
    ),
    tablesWhere(
      'DeleteTable',
      'Tables that broadcast deletes.',
      tables,
      (t) => t.realtime.onDelete,
    ),
  ];
}

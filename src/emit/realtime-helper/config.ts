// `tableConfigs`: the per-table runtime configuration, emitted as an object literal.

import ts from 'typescript';

import type { TableModel } from '../../model/types.ts';
import { exportConst, keyOf, literal, typeRef, withDoc, type LiteralValue } from '../ast/index.ts';
import type { HelperTable } from './names.ts';
import { sentFields } from './records.ts';

/** The `TableRuntimeConfig` of one table, as plain data. */
export function runtimeConfig(table: TableModel): LiteralValue {
  return {
    name: table.name,
    primaryKey: table.primaryKey,
    ownerField: table.ownerField,
    fields: table.realtime.fields === null ? null : sentFields(table),
    requiredRoles: table.realtime.requiredRoles,
    masking: [...table.masking]
      .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
      .map((rule) => ({
        field: rule.field,
        type: rule.type,
        showRoles: rule.showRoles,
        showOwner: rule.showOwner,
      })),
    onInsert: table.realtime.onInsert,
    onUpdate: table.realtime.onUpdate,
    onDelete: table.realtime.onDelete,
  };
}

export function tableConfigsStatement(tables: HelperTable[]): ts.Statement {
  const configs = Object.fromEntries(
    tables.map(({ table }) => [table.name, runtimeConfig(table)] as const),
  );
  const type = typeRef('Record', keyOf(typeRef('Tables')), typeRef('TableRuntimeConfig'));
  const node = exportConst('tableConfigs', literal(configs), type);
  return withDoc(node, 'What the runtime needs to know about each realtime table.');
}

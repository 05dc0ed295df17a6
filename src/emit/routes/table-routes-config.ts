// The config object literal a table's routes file passes to createCrudRouter (the runtime's
// CrudTableConfig), built from the model. Masking rules are sorted by field, as in the
// realtime helper's tableConfigs, so reordering the manifest changes no byte.

import ts from 'typescript';

import type { ProjectModel, TableModel } from '../../model/types.ts';
import { access, literal, objectOf, propertyName, type LiteralValue } from '../ast/index.ts';

const factory = ts.factory;

function columns(table: TableModel): LiteralValue {
  return table.columns.map((column) => ({
    name: column.name,
    sqlName: column.sqlName,
    type: column.type,
    primaryKey: column.primaryKey,
    required: column.required || column.primaryKey,
    enum: column.enum,
  }));
}

function masking(table: TableModel): LiteralValue {
  return [...table.masking]
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
    .map((rule) => ({
      field: rule.field,
      type: rule.type,
      showRoles: rule.showRoles,
      showOwner: rule.showOwner,
    }));
}

/** Everything but `realtime`, as plain data. */
export function crudConfigData(
  model: ProjectModel,
  table: TableModel,
): Record<string, LiteralValue> {
  return {
    name: table.name,
    sqlName: table.sqlName,
    binding: model.database.binding,
    primaryKey: table.primaryKey,
    columns: columns(table),
    firewall: table.firewall.map((rule) => ({ field: rule.field, equals: rule.equals })),
    ownerField: table.ownerField,
    masking: masking(table),
    crud: { ...table.crud },
  };
}

/**
 * `{ ...data, realtime: tableConfigs.<name> }`, or `realtime: null` for a table without
 * realtime: the routes broadcast with the very config the helper uses.
 */
export function crudConfigExpression(model: ProjectModel, table: TableModel): ts.Expression {
  const data = Object.entries(crudConfigData(model, table)).map(([key, value]) =>
    factory.createPropertyAssignment(propertyName(key), literal(value)),
  );
  const realtime = !table.realtime.enabled
    ? factory.createNull()
    : /^[A-Za-z_$][\w$]*$/.test(table.name)
      ? access(['tableConfigs', table.name])
      : factory.createElementAccessExpression(access(['tableConfigs']), literal(table.name));
  return objectOf([...data, factory.createPropertyAssignment('realtime', realtime)]);
}

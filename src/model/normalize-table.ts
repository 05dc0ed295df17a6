// Normalizes one validated table: shorthand columns, inferred owner, realtime defaults.

import type { Table, TableRealtimeOptions } from '../manifest-types.ts';
import { columnDefinitions, entries, ownerFieldOf, snakeCase } from './manifest-access.ts';
import type { ColumnModel, CrudModel, TableModel, TableRealtimeModel } from './types.ts';

export function normalizeTable(name: string, table: Table, realtimeDefault: boolean): TableModel {
  const columns: ColumnModel[] = columnDefinitions(table).map(([columnName, column]) => {
    const primaryKey = column.primaryKey ?? false;
    return {
      name: columnName,
      sqlName: snakeCase(columnName),
      type: column.type,
      primaryKey,
      required: primaryKey || (column.required ?? false),
      enum: column.enum ? [...column.enum] : null,
    };
  });

  // Validation guarantees exactly one primary key before normalization runs.
  const primaryKey = columns.find((c) => c.primaryKey)?.name ?? '';

  return {
    name,
    sqlName: snakeCase(name),
    columns,
    primaryKey,
    firewall: (table.firewall ?? []).map((rule) => ({ field: rule.field, equals: rule.equals })),
    ownerField: ownerFieldOf(table),
    masking: entries(table.masking).map(([field, rule]) => ({
      field,
      type: rule.type,
      showRoles: [...(rule.show?.roles ?? [])],
      showOwner: rule.show?.or === 'owner',
    })),
    crud: normalizeCrud(table.crud),
    realtime: normalizeRealtime(table, columns, primaryKey, realtimeDefault),
  };
}

function normalizeCrud(crud: Table['crud']): CrudModel {
  if (typeof crud === 'boolean' || crud === undefined) {
    const all = crud ?? true;
    return { create: all, update: all, delete: all, batch: all };
  }
  return {
    create: crud.create ?? true,
    update: crud.update ?? true,
    delete: crud.delete ?? true,
    batch: crud.batch ?? true,
  };
}

function normalizeRealtime(
  table: Table,
  columns: ColumnModel[],
  primaryKey: string,
  realtimeDefault: boolean,
): TableRealtimeModel {
  const written = table.realtime;
  const options: TableRealtimeOptions = typeof written === 'object' ? written : {};
  // Writing the object form means the table wants events unless it says `enabled: false`.
  const enabled =
    typeof written === 'boolean' ? written : written ? (options.enabled ?? true) : realtimeDefault;

  // Columns in declaration order, so a reordered `fields` list means the same thing.
  const listed = options.fields ? new Set<string>(options.fields) : null;
  const fields = listed
    ? columns.filter((c) => c.name === primaryKey || listed.has(c.name)).map((c) => c.name)
    : null;

  return {
    enabled,
    onInsert: options.onInsert ?? true,
    onUpdate: options.onUpdate ?? true,
    onDelete: options.onDelete ?? true,
    requiredRoles: options.requiredRoles ? [...options.requiredRoles] : null,
    fields,
  };
}

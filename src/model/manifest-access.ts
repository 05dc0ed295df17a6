// Small readers over the validated manifest that both the reference checks and the
// normalizer need, so the two never disagree about a default.

import type { ColumnDefinition, Manifest, Table } from '../manifest-types.ts';

/** The entries of a keyed section, in the order the manifest wrote them. */
export function entries<T>(record: { [key: string]: T | undefined } | undefined): [string, T][] {
  const result: [string, T][] = [];
  for (const [key, value] of Object.entries(record ?? {})) {
    if (value !== undefined) result.push([key, value]);
  }
  return result;
}

/** A table's columns with the `name: text` shorthand expanded. */
export function columnDefinitions(table: Table): [string, ColumnDefinition][] {
  return entries(table.columns).map(([name, column]) => [
    name,
    typeof column === 'string' ? { type: column } : column,
  ]);
}

export const DEFAULT_OWNER_FIELD = 'createdBy';

/** The owner column: `ownerField`, else `createdBy` when the table has that text column. */
export function ownerFieldOf(table: Table): string | null {
  if (table.ownerField !== undefined) return table.ownerField;

  const column = Object.hasOwn(table.columns, DEFAULT_OWNER_FIELD)
    ? table.columns[DEFAULT_OWNER_FIELD]
    : undefined;
  const type = typeof column === 'string' ? column : column?.type;
  return type === 'text' ? DEFAULT_OWNER_FIELD : null;
}

/** Whether tables without their own `realtime` send change events. */
export function projectRealtimeDefault(manifest: Manifest): boolean {
  const realtime = manifest.providers?.database?.realtime;
  if (typeof realtime === 'object') return realtime.enabled ?? true;
  return realtime ?? false;
}

/** The SQL name of a table or column: `createdBy` -> `created_by`, `HTTPCode` -> `http_code`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

// Builders for ProjectModel values, shared by the emitter unit tests so each states only what
// it is about. They build the normalized model directly, without the front end.

import type { ColumnModel, ColumnType, ProjectModel, TableModel } from '../../src/model/types.ts';

export const snakeCase = (name: string) =>
  name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export function column(
  name: string,
  type: ColumnType = 'text',
  extra: Partial<Omit<ColumnModel, 'name' | 'type'>> = {},
): ColumnModel {
  const base = { name, sqlName: snakeCase(name), type, primaryKey: false, required: false };
  return { ...base, enum: null, ...extra };
}

/** A text primary key called `id`. */
export const idColumn = () => column('id', 'text', { primaryKey: true, required: true });

/** Every table feature on, realtime to every role, no firewall, masking or owner. */
export function table(
  name: string,
  columns: ColumnModel[],
  extra: Partial<TableModel> = {},
): TableModel {
  return {
    name,
    sqlName: snakeCase(name),
    columns,
    primaryKey: columns.find((item) => item.primaryKey)?.name ?? 'id',
    firewall: [],
    ownerField: null,
    masking: [],
    crud: { create: true, update: true, delete: true, batch: true },
    realtime: {
      enabled: true,
      onInsert: true,
      onUpdate: true,
      onDelete: true,
      requiredRoles: null,
      fields: null,
    },
    ...extra,
  };
}

/** Better Auth, D1 with realtime on, no roles, namespaces or tables unless given. */
export function project(extra: Partial<ProjectModel> = {}): ProjectModel {
  return {
    name: 'fixture',
    compatibilityDate: '2025-09-01',
    roles: null,
    auth: { provider: 'better-auth' },
    database: {
      provider: 'cloudflare-d1',
      binding: 'DB',
      databaseName: 'fixture',
      databaseId: '00000000-0000-0000-0000-000000000000',
      realtime: true,
      wsTicket: null,
    },
    tables: [],
    namespaces: [],
    output: { client: false, wranglerFormat: 'toml' },
    manifestPath: 'quickback.yaml',
    ...extra,
  };
}

// Small builders for ProjectModel values, so unit tests state only what they are about.

import type { ColumnModel, ColumnType, ProjectModel, TableModel } from '../../src/model/types.ts';

export function column(
  name: string,
  type: ColumnType,
  extra: Partial<Omit<ColumnModel, 'name' | 'type'>> = {},
): ColumnModel {
  const sqlName = name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return { name, sqlName, type, primaryKey: false, required: false, enum: null, ...extra };
}

export function table(name: string, columns: ColumnModel[], extra: Partial<TableModel> = {}) {
  const primaryKey = columns.find((item) => item.primaryKey)?.name ?? 'id';
  const model: TableModel = {
    name,
    sqlName: name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
    columns,
    primaryKey,
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
  return model;
}

export function project(tables: TableModel[]): ProjectModel {
  return {
    name: 'fixture',
    compatibilityDate: '2025-01-01',
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
    tables,
    namespaces: [],
    output: { client: false, wranglerFormat: 'toml' },
    manifestPath: 'quickback.yaml',
  };
}

export const id = () => column('id', 'text', { primaryKey: true, required: true });

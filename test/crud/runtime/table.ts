// A CrudTableConfig shaped like the recruitment example's `applications`, for unit tests.

import type { CrudColumn, CrudTableConfig } from '../../../runtime/server/crud/config';

const column = (name: string, type: CrudColumn['type'], extra: Partial<CrudColumn> = {}) => ({
  name,
  sqlName: name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
  type,
  primaryKey: false,
  required: false,
  enum: null,
  ...extra,
});

export function applicationsConfig(extra: Partial<CrudTableConfig> = {}): CrudTableConfig {
  return {
    name: 'applications',
    sqlName: 'applications',
    binding: 'DB',
    primaryKey: 'id',
    columns: [
      column('id', 'text', { primaryKey: true, required: true }),
      column('candidateId', 'text', { required: true }),
      column('stage', 'text', { enum: ['applied', 'screening', 'offer'] }),
      column('score', 'integer'),
      column('rating', 'real'),
      column('archived', 'boolean'),
      column('meta', 'json'),
      column('appliedAt', 'timestamp'),
      column('organizationId', 'text', { required: true }),
      column('createdBy', 'text'),
    ],
    firewall: [{ field: 'organizationId', equals: 'ctx.activeOrgId' }],
    ownerField: 'createdBy',
    masking: [],
    crud: { create: true, update: true, delete: true, batch: true },
    realtime: null,
    ...extra,
  };
}

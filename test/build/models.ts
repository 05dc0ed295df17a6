// Hand-written project models for emitter tests that should not depend on the front end.

import type { ProjectModel } from '../../src/model/types.ts';
import { column, idColumn as id, table } from '../support/models.ts';

const applications = table(
  'applications',
  [
    id(),
    column('candidateId', 'text', { required: true }),
    column('stage', 'text', { enum: ['applied', 'screening', 'interview', 'offer'] }),
    column('phone', 'text'),
    column('score', 'real'),
    column('archived', 'boolean'),
    column('meta', 'json'),
    column('organizationId', 'text', { required: true }),
    column('createdBy', 'text'),
  ],
  {
    firewall: [{ field: 'organizationId', equals: 'ctx.activeOrgId' }],
    ownerField: 'createdBy',
    masking: [
      { field: 'phone', type: 'phone', showRoles: ['owner', 'recruiter'], showOwner: true },
    ],
    realtime: {
      enabled: true,
      onInsert: true,
      onUpdate: true,
      onDelete: true,
      requiredRoles: ['recruiter', 'hiring-manager'],
      fields: ['id', 'candidateId', 'stage', 'phone'],
    },
  },
);

const auditLog = table('audit_log', [id(), column('message', 'text', { required: true })], {
  realtime: {
    enabled: true,
    onInsert: true,
    onUpdate: false,
    onDelete: false,
    requiredRoles: null,
    fields: null,
  },
});

const secrets = table('secrets', [id(), column('value', 'text')], {
  realtime: { ...auditLog.realtime, enabled: false },
});

export const recruitmentModel: ProjectModel = {
  name: 'recruitment',
  compatibilityDate: '2025-01-01',
  roles: ['owner', 'admin', 'recruiter', 'hiring-manager', 'interviewer', 'member'],
  auth: { provider: 'better-auth' },
  database: {
    provider: 'cloudflare-d1',
    binding: 'DB',
    databaseName: 'recruitment',
    databaseId: '00000000-0000-0000-0000-000000000000',
    realtime: true,
    wsTicket: null,
  },
  tables: [secrets, applications, auditLog],
  namespaces: [
    {
      name: 'screening',
      description: 'Candidate screening pipeline events',
      events: [
        { name: 'started', payload: null },
        { name: 'progress', payload: { percent: 'number', step: 'string' } },
      ],
    },
    {
      name: 'notifications',
      description: null,
      events: [
        { name: 'interview-reminder', payload: null },
        {
          name: 'offer.update',
          payload: { accepted: 'boolean', details: 'object', tags: 'array' },
        },
      ],
    },
  ],
  output: { client: false, wranglerFormat: 'toml' },
  manifestPath: 'quickback.yaml',
};

/** No roles, no namespaces, one table without realtime. */
export const minimalModel: ProjectModel = {
  ...recruitmentModel,
  name: 'minimal',
  roles: null,
  database: { ...recruitmentModel.database, databaseName: 'minimal', realtime: false },
  tables: [secrets],
  namespaces: [],
  output: { client: false, wranglerFormat: 'jsonc' },
};

// Small project models and an in-memory emit context for the auth, entry and realtime-route
// emitter tests.

import type { Diagnostic } from '../../src/diagnostics/types.ts';
import type { EmitContext, EmittedFile } from '../../src/emit/types.ts';
import { formatFile } from '../../src/format/index.ts';
import type { ColumnModel, ProjectModel, TableModel } from '../../src/model/types.ts';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function column(name: string, extra: Partial<ColumnModel> = {}): ColumnModel {
  const base = { name, sqlName: snake(name), type: 'text' as const, primaryKey: false };
  return { ...base, required: false, enum: null, ...extra };
}

export function table(
  name: string,
  columns: string[],
  extra: Partial<TableModel> = {},
): TableModel {
  return {
    name,
    sqlName: snake(name),
    columns: [column('id', { primaryKey: true, required: true }), ...columns.map((c) => column(c))],
    primaryKey: 'id',
    firewall: [{ field: 'organizationId', equals: 'ctx.activeOrgId' }],
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

export function project(extra: Partial<ProjectModel> = {}): ProjectModel {
  return {
    name: 'app',
    compatibilityDate: '2025-09-01',
    roles: ['owner', 'admin', 'recruiter', 'hiring-manager'],
    auth: { provider: 'better-auth' },
    database: {
      provider: 'cloudflare-d1',
      binding: 'DB',
      databaseName: 'app',
      databaseId: '00000000-0000-0000-0000-000000000000',
      realtime: true,
      wsTicket: null,
    },
    tables: [table('applications', ['stage', 'organizationId'])],
    namespaces: [],
    output: { client: false, wranglerFormat: 'toml' },
    manifestPath: 'quickback.yaml',
    ...extra,
  };
}

/** A project with relationship tickets on `events` through `eventAttendees`. */
export function eventsProject(scopeFirewall = true): ProjectModel {
  const base = project();
  const events = table('events', ['title', 'organizationId'], {
    firewall: scopeFirewall ? [{ field: 'organizationId', equals: 'ctx.activeOrgId' }] : [],
  });
  const attendees = table('eventAttendees', ['eventId', 'userId', 'role', 'organizationId']);
  const relation = {
    table: 'eventAttendees',
    resourceField: 'eventId',
    userField: 'userId',
    roleField: 'role',
  };
  return {
    ...base,
    database: {
      ...base.database,
      wsTicket: { role: 'attendee', requestField: 'eventId', scopeTable: 'events', relation },
    },
    tables: [events, attendees],
  };
}

export interface TestContext extends EmitContext {
  diagnostics: Diagnostic[];
}

export function context(model: ProjectModel, files: Record<string, string> = {}): TestContext {
  const diagnostics: Diagnostic[] = [];
  return {
    model,
    outDir: '/virtual',
    diagnostics,
    readExisting: (path) => files[path] ?? null,
    listExisting: (dir) => Object.keys(files).filter((path) => path.startsWith(`${dir}/`)),
    report: (diagnostic) => diagnostics.push(diagnostic),
  };
}

/** The file as a build writes it: after the format stage. */
export async function formatted(file: EmittedFile | undefined): Promise<string> {
  if (file === undefined) throw new Error('no file emitted');
  return (await formatFile(file)).contents;
}

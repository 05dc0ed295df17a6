// Small project models and an in-memory emit context for the auth, entry and realtime-route
// emitter tests.

import type { Diagnostic } from '../../src/diagnostics/types.ts';
import type { EmitContext, EmittedFile } from '../../src/emit/types.ts';
import { formatFile } from '../../src/format/index.ts';
import type { ProjectModel, TableModel } from '../../src/model/types.ts';
import { column, idColumn, project as baseProject, table as baseTable } from '../support/models.ts';

/** A table of text columns behind an organization firewall. */
export function table(
  name: string,
  columns: string[],
  extra: Partial<TableModel> = {},
): TableModel {
  const firewall = [{ field: 'organizationId', equals: 'ctx.activeOrgId' as const }];
  return baseTable(name, [idColumn(), ...columns.map((c) => column(c))], { firewall, ...extra });
}

export function project(extra: Partial<ProjectModel> = {}): ProjectModel {
  return baseProject({
    name: 'app',
    roles: ['owner', 'admin', 'recruiter', 'hiring-manager'],
    database: { ...baseProject().database, databaseName: 'app' },
    tables: [table('applications', ['stage', 'organizationId'])],
    ...extra,
  });
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

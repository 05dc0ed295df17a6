// `src/routes/broadcast.ts`: the resource-ticket config, resolved to SQL names, and the
// problems that stop it.

import { describe, expect, it } from 'vitest';

import { BROADCAST_ROUTES_FILE, emitBroadcastRoutes } from '../../src/emit/routes/broadcast.ts';
import { context, eventsProject, formatted, project, table } from './fixtures.ts';

describe('emitBroadcastRoutes', () => {
  it('passes no resource ticket without wsTicket', async () => {
    const [file] = emitBroadcastRoutes(context(project()));
    const source = await formatted(file);

    expect(file!.path).toBe(BROADCAST_ROUTES_FILE);
    expect(source).toContain('resourceTicket: null');
    expect(source).toContain("import { resolveSession } from '../lib/auth';");
  });

  it('resolves the relation to SQL table and column names', async () => {
    const source = await formatted(emitBroadcastRoutes(context(eventsProject()))[0]);

    for (const piece of [
      "requestField: 'eventId'",
      "role: 'attendee'",
      "table: 'events'",
      "orgColumn: 'organization_id'",
      "sqlTable: 'event_attendees'",
      "resourceColumn: 'event_id'",
      "userColumn: 'user_id'",
      "roleColumn: 'role'",
      // The relation table is tenant-scoped too, so its rows must share the organization.
      "orgColumn: 'organization_id',\n    },\n  },",
    ]) {
      expect(source).toContain(piece);
    }
  });

  it('reports QB051 when the scope table has no organization firewall', () => {
    const ctx = context(eventsProject(false));

    expect(emitBroadcastRoutes(ctx)).toEqual([]);
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(['QB051']);
  });

  it('reports QB029 for a table called broadcast, whose router would take this file', () => {
    const ctx = context(project({ tables: [table('broadcast', ['organizationId'])] }));

    expect(emitBroadcastRoutes(ctx)).toEqual([]);
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(['QB029']);
  });
});

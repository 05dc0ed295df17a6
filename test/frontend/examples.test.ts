// Every example manifest reads cleanly and normalizes to what its comments promise.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { readProject } from '../../src/frontend.ts';

const root = join(import.meta.dirname, '../../manifests-examples');
const examples = readdirSync(root).map((name) => {
  const file = readdirSync(join(root, name)).find((f) => /^quickback\.(yaml|json)$/.test(f));
  return { name, path: join(root, name, file ?? 'quickback.yaml') };
});

describe('manifests-examples', () => {
  it('has the four agreed examples', () => {
    expect(examples.map((e) => e.name).sort()).toEqual([
      'events',
      'json-basic',
      'minimal',
      'recruitment',
    ]);
  });

  for (const example of examples) {
    it(`${example.name} has no diagnostics`, async () => {
      const { model, diagnostics } = await readProject(example.path);
      expect(diagnostics).toEqual([]);
      expect(model?.name).toBe(example.name);
    });
  }

  it('recruitment turns realtime on project-wide and keeps per-table choices', async () => {
    const { model } = await readProject(examples.find((e) => e.name === 'recruitment')!.path);
    const table = (name: string) => model!.tables.find((t) => t.name === name)!;

    expect(model!.database.realtime).toBe(true);
    expect(table('jobs').realtime).toEqual({
      enabled: true,
      onInsert: true,
      onUpdate: true,
      onDelete: true,
      requiredRoles: null,
      fields: null,
    });
    expect(table('applications').realtime.fields).toEqual(['id', 'candidateId', 'jobId', 'stage']);
    expect(table('notifications').realtime.onUpdate).toBe(false);
    expect(table('candidates').ownerField).toBe('createdBy');
    expect(table('candidates').masking.find((m) => m.field === 'phone')).toEqual({
      field: 'phone',
      type: 'phone',
      showRoles: ['owner', 'recruiter', 'hiring-manager'],
      showOwner: true,
    });
    expect(model!.namespaces.map((n) => n.name)).toEqual([
      'screening',
      'notifications',
      'presence',
    ]);
    expect(model!.namespaces[2]!.events.find((e) => e.name === 'idle')).toEqual({
      name: 'idle',
      payload: null,
    });
    expect(model!.manifestPath).toBe('quickback.yaml');
  });

  it('events configures the relationship ticket', async () => {
    const { model } = await readProject(examples.find((e) => e.name === 'events')!.path);
    expect(model!.database.wsTicket).toEqual({
      role: 'attendee',
      requestField: 'eventId',
      scopeTable: 'events',
      relation: {
        table: 'event_attendees',
        resourceField: 'eventId',
        userField: 'userId',
        roleField: 'role',
      },
    });
    // The object form turns realtime on project-wide.
    expect(model!.database.realtime).toBe(true);
    expect(model!.tables.every((t) => t.realtime.enabled)).toBe(true);
  });

  it('every example table has an id primary key and an organization firewall', async () => {
    for (const example of examples) {
      const { model } = await readProject(example.path);
      for (const table of model!.tables) {
        expect(table.primaryKey).toBe('id');
        expect(table.firewall).toContainEqual({
          field: 'organizationId',
          equals: 'ctx.activeOrgId',
        });
      }
    }
  });
});

// announce() hands every event of one request to the realtime core at once, so a batch costs
// one request to its lane's Broadcaster. The namespace here records what the Worker sends and
// answers as a Broadcaster does; delivery itself is covered by the workerd and e2e tests.

import { describe, expect, it } from 'vitest';

import type { PublishBatch } from '../../../runtime/realtime/types';
import { announce } from '../../../runtime/server/crud/announce';
import type { WriteOutcome } from '../../../runtime/server/crud/commit';
import { applicationsConfig } from './table';

interface Sent {
  lane: string;
  body: PublishBatch;
}

function recordingEnv(sent: Sent[]) {
  const BROADCASTER = {
    idFromName: (name: string) => ({ name }),
    get: (id: { name: string }) => ({
      fetch: async (_url: string, init: { body: string }) => {
        const body = JSON.parse(init.body);
        const batch: PublishBatch = 'events' in body ? body : { events: [body] };
        sent.push({ lane: id.name, body: batch });
        const results = batch.events.map(() => ({ recipients: 1, serializations: 1 }));
        return Response.json({ recipients: results.length, serializations: 1, results });
      },
    }),
  };
  return { BROADCASTER };
}

const row = (stage: string) => ({ id: 'a1', candidateId: 'c', stage, createdBy: 'u1' });
const outcomes: WriteOutcome[] = [
  { op: 'create', new: row('applied'), old: null, changed: true },
  { op: 'update', new: row('offer'), old: row('applied'), changed: true },
  { op: 'update', new: row('offer'), old: row('offer'), changed: false },
  { op: 'delete', new: null, old: row('offer'), changed: true },
];

function realtime(onUpdate: boolean) {
  return {
    name: 'applications',
    primaryKey: 'id',
    ownerField: 'createdBy',
    fields: ['id', 'stage'],
    requiredRoles: ['recruiter'],
    masking: [],
    onInsert: true,
    onUpdate,
    onDelete: true,
  };
}

describe('announce', () => {
  it('sends all events of a request to the lane in one request, no-ops left out', async () => {
    const sent: Sent[] = [];
    const config = applicationsConfig({ realtime: realtime(true) });
    await announce(recordingEnv(sent), config, outcomes, { organizationId: 'org_1' });

    expect(sent.map((item) => item.lane)).toEqual(['["org","org_1"]']);
    const events = sent[0]!.body.events.map(({ event }) =>
      event.type === 'postgres_changes' ? [event.eventType, event.new, event.old] : null,
    );
    expect(events).toEqual([
      ['INSERT', { id: 'a1', stage: 'applied' }, null],
      ['UPDATE', { id: 'a1', stage: 'offer' }, { id: 'a1', stage: 'applied' }],
      ['DELETE', null, { id: 'a1', stage: 'offer' }],
    ]);
    expect(sent[0]!.body.events[0]!.owner).toEqual({ new: 'u1', old: null });
  });

  it('honours onUpdate and sends nothing for a table without realtime', async () => {
    const sent: Sent[] = [];
    const env = recordingEnv(sent);
    await announce(env, applicationsConfig({ realtime: realtime(false) }), outcomes, {
      organizationId: 'org_1',
    });
    expect(
      sent[0]!.body.events.map(({ event }) => (event as { eventType: string }).eventType),
    ).toEqual(['INSERT', 'DELETE']);

    await announce(env, applicationsConfig(), outcomes, { organizationId: 'org_1' });
    expect(sent).toHaveLength(1);
  });
});

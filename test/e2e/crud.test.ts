// The generated recruitment project under `wrangler dev` (workerd, local D1) with real Better
// Auth sessions and real WebSocket subscribers: every CRUD write announces itself exactly once
// to each entitled socket, masked per socket, and a refused write announces nothing.
//
// "Nothing" is shown with a sentinel: after the call under test, a `jobs` row is created in
// each organization (jobs events reach every member), and each socket's next frame must be
// exactly the sentinel, or the event under test and then the sentinel.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  startExample,
  type Predicate,
  type RunningProject,
  type TestSocket,
} from '../support/index.ts';
import { createCast, type Cast, type Member } from './crud-org.ts';

let app: RunningProject;
let cast: Cast;

beforeAll(async () => {
  app = await startExample('recruitment', { testRoutes: false });
  cast = await createCast(app);
}, 240_000);

afterAll(async () => {
  await cast?.close();
  await app?.stop();
});

const api = (who: Member, method: string, path: string, body?: unknown) =>
  cast.client.request(method, path, { token: who.user.token, body });

let sentinels = 0;

/** Creates a job in both organizations; returns the predicate matching either event. */
async function sentinel(): Promise<Predicate> {
  const title = `sentinel-${++sentinels}`;
  for (const who of [cast.people.owner!, cast.outsider]) {
    const reply = await api(who, 'POST', '/api/v1/jobs', { title });
    expect(reply.status).toBe(201);
  }
  return (m) => m?.table === 'jobs' && m.eventType === 'INSERT' && m.new?.title === title;
}

const change = (table: string, eventType: string) => (m: any) =>
  m?.type === 'postgres_changes' && m.table === table && m.eventType === eventType;

/** The socket's next frame, which must match `predicate`. */
async function nextFrame(socket: TestSocket, predicate: Predicate): Promise<any> {
  let found: unknown;
  await socket.expectNothingUntil((m) => {
    if (!predicate(m)) return false;
    found = m;
    return true;
  });
  return found;
}

/**
 * After a write: each named member's next frame is its event (returned by name), then comes
 * the sentinel; every other socket gets the sentinel first.
 */
async function framesAfterWrite(
  entitled: string[],
  predicate: Predicate,
  count = 1,
): Promise<Record<string, any[]>> {
  const done = await sentinel();
  const frames: Record<string, any[]> = {};
  for (const member of [...Object.values(cast.people), cast.outsider]) {
    const got: any[] = [];
    if (entitled.includes(member.name)) {
      for (let i = 0; i < count; i++) got.push(await nextFrame(member.socket, predicate));
    }
    await member.socket.expectNothingUntil(done);
    frames[member.name] = got;
  }
  return frames;
}

const PIPELINE = ['owner', 'recruiter', 'hiringManager'];

describe('applications: fields and requiredRoles', () => {
  it('announces create, update and delete once per entitled socket', async () => {
    const { people } = cast;
    const created = await api(people.recruiter!, 'POST', '/api/v1/applications', {
      candidateId: 'cand-1',
      jobId: 'job-1',
      stage: 'applied',
      notes: 'not in fields',
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    const sent = { id, candidateId: 'cand-1', jobId: 'job-1' };

    const inserts = await framesAfterWrite(PIPELINE, change('applications', 'INSERT'));
    for (const name of PIPELINE) {
      expect(inserts[name]).toEqual([
        {
          type: 'postgres_changes',
          table: 'applications',
          eventType: 'INSERT',
          schema: 'public',
          new: { ...sent, stage: 'applied' },
          old: null,
        },
      ]);
    }

    const url = `/api/v1/applications/${id}`;
    const patched = await api(people.hiringManager!, 'PATCH', url, {
      stage: 'screening',
      notes: 'n',
    });
    expect(patched.status).toBe(200);
    const updates = await framesAfterWrite(PIPELINE, change('applications', 'UPDATE'));
    for (const name of PIPELINE) {
      expect(updates[name]!.map((m) => [m.new, m.old])).toEqual([
        [
          { ...sent, stage: 'screening' },
          { ...sent, stage: 'applied' },
        ],
      ]);
    }

    expect((await api(people.owner!, 'DELETE', url)).status).toBe(200);
    const deletes = await framesAfterWrite(PIPELINE, change('applications', 'DELETE'));
    for (const name of PIPELINE) {
      expect(deletes[name]!.map((m) => [m.new, m.old])).toEqual([
        [null, { ...sent, stage: 'screening' }],
      ]);
    }
  });

  it('sends a batch as ordered events, one per operation', async () => {
    const reply = await api(cast.people.owner!, 'POST', '/api/v1/applications/batch', {
      operations: [
        { op: 'create', data: { id: 'batch-1', candidateId: 'c', jobId: 'j', stage: 'applied' } },
        { op: 'create', data: { id: 'batch-2', candidateId: 'c', jobId: 'j', stage: 'applied' } },
        { op: 'update', id: 'batch-1', data: { stage: 'offer' } },
        { op: 'delete', id: 'batch-2' },
      ],
    });
    expect(reply.status).toBe(200);

    const anyChange = (m: any) => m?.type === 'postgres_changes' && m.table === 'applications';
    const frames = await framesAfterWrite(PIPELINE, anyChange, 4);
    const row = (id: string, stage: string) => ({ id, candidateId: 'c', jobId: 'j', stage });
    for (const name of PIPELINE) {
      expect(frames[name]!.map((m) => [m.eventType, m.new, m.old])).toEqual([
        ['INSERT', row('batch-1', 'applied'), null],
        ['INSERT', row('batch-2', 'applied'), null],
        ['UPDATE', row('batch-1', 'offer'), row('batch-1', 'applied')],
        ['DELETE', null, row('batch-2', 'applied')],
      ]);
    }
  });
});

describe('candidates: masking per socket, in events and reads', () => {
  const real = {
    name: 'Jane Doe',
    email: 'jane@example.com',
    phone: '+1 555 123 4567',
    ssn: '123-45-6789',
    resumeUrl: 'https://cv.example/jane',
  };
  const READERS = ['owner', 'recruiter', 'hiringManager', 'interviewer', 'interviewer2'];

  /** What each reader sees of `row`; the interviewer created it and so owns it. */
  function seenBy(name: string, row: Record<string, unknown>): Record<string, unknown> {
    const ssn = '*****6789';
    if (name === 'owner') return row;
    if (name === 'recruiter' || name === 'hiringManager' || name === 'interviewer') {
      return { ...row, ssn };
    }
    const phone = `******${String(row.phone).slice(-4)}`;
    return { ...row, ssn, phone, email: 'j***@e*********.com', resumeUrl: '[REDACTED]' };
  }

  it('masks new and old for each view, and unmasks for the record owner', async () => {
    const { people } = cast;
    const created = await api(people.interviewer!, 'POST', '/api/v1/candidates', real);
    expect(created.status).toBe(201);
    const row = {
      id: created.body.data.id,
      ...real,
      organizationId: cast.orgId,
      createdBy: people.interviewer!.user.userId,
    };
    expect(created.body.data).toEqual(seenBy('interviewer', row));

    const inserts = await framesAfterWrite(READERS, change('candidates', 'INSERT'));
    for (const name of READERS) {
      expect([name, inserts[name]!.map((m) => [m.new, m.old])]).toEqual([
        name,
        [[seenBy(name, row), null]],
      ]);
    }

    const url = `/api/v1/candidates/${row.id}`;
    const changed = { ...row, phone: '+1 555 987 6543' };
    expect((await api(people.recruiter!, 'PATCH', url, { phone: changed.phone })).status).toBe(200);
    const updates = await framesAfterWrite(READERS, change('candidates', 'UPDATE'));
    for (const name of READERS) {
      expect([name, updates[name]!.map((m) => [m.new, m.old])]).toEqual([
        name,
        [[seenBy(name, changed), seenBy(name, row)]],
      ]);
    }

    for (const name of READERS) {
      const read = await api(people[name]!, 'GET', url);
      expect([name, read.body.data]).toEqual([name, seenBy(name, changed)]);
    }
    const memberView = (await api(people.member!, 'GET', url)).body.data;
    expect(memberView).toMatchObject({ name: 'J*** D***', ssn: '*****6789', phone: '******6543' });

    expect((await api(people.owner!, 'DELETE', url)).status).toBe(200);
    const deletes = await framesAfterWrite(READERS, change('candidates', 'DELETE'));
    for (const name of READERS) {
      expect([name, deletes[name]!.map((m) => [m.new, m.old])]).toEqual([
        name,
        [[null, seenBy(name, changed)]],
      ]);
    }
  });
});

describe('refused and no-op writes', () => {
  const listAs = async (who: Member) =>
    (await api(who, 'GET', '/api/v1/applications?limit=200')).body.data;

  it('change nothing and put no frame on any socket', async () => {
    const { people, outsider } = cast;
    const application = { candidateId: 'c', jobId: 'j', stage: 'applied' };
    const keep = await api(people.recruiter!, 'POST', '/api/v1/applications', {
      id: 'keep-1',
      ...application,
    });
    const theirs = await api(outsider, 'POST', '/api/v1/applications', {
      id: 'other-1',
      ...application,
    });
    expect([keep.status, theirs.status]).toEqual([201, 201]);
    await framesAfterWrite([...PIPELINE, 'outsider'], change('applications', 'INSERT'));

    const before = [await listAs(people.owner!), await listAs(outsider)];
    const batch = (operations: unknown[]) =>
      api(people.recruiter!, 'POST', '/api/v1/applications/batch', { operations });
    const attempts: [string, () => Promise<{ status: number; body: any }>, number, string][] = [
      [
        'a batch with one invalid item',
        () =>
          batch([
            { op: 'create', data: { id: 'new-1', ...application } },
            { op: 'create', data: { ...application, stage: 'bogus' } },
          ]),
        400,
        'operations[1]: invalid field(s): stage must be one of applied, screening, interview, ' +
          'offer, hired, rejected',
      ],
      [
        'a batch repeating an existing primary key',
        () =>
          batch([
            { op: 'create', data: { id: 'new-2', ...application } },
            { op: 'create', data: { id: 'keep-1', ...application } },
          ]),
        409,
        'a row with this primary key already exists',
      ],
      [
        'a PATCH of a missing id',
        () => api(people.recruiter!, 'PATCH', '/api/v1/applications/missing-1', { stage: 'offer' }),
        404,
        'applications missing-1 not found',
      ],
      [
        "a PATCH of another organization's row",
        () => api(people.recruiter!, 'PATCH', '/api/v1/applications/other-1', { stage: 'offer' }),
        404,
        'applications other-1 not found',
      ],
      [
        'a PATCH with an unknown field',
        () =>
          api(people.recruiter!, 'PATCH', '/api/v1/applications/keep-1', {
            stage: 'offer',
            bogus: true,
          }),
        400,
        'unknown field(s): bogus',
      ],
    ];

    for (const [what, attempt, status, error] of attempts) {
      const reply = await attempt();
      expect([what, reply.status, reply.body]).toEqual([what, status, { error }]);
      expect([await listAs(people.owner!), await listAs(outsider)]).toEqual(before);
      await framesAfterWrite([], () => false);
    }

    const same = await api(people.recruiter!, 'PATCH', '/api/v1/applications/keep-1', {
      stage: 'applied',
      candidateId: 'c',
    });
    expect(same.status).toBe(200);
    await framesAfterWrite([], () => false);
  });

  it('refuses organization tables to a session without an active organization', async () => {
    const loner = await cast.client.signUp('loner');
    const reply = await cast.client.request('GET', '/api/v1/applications', { token: loner.token });
    expect(reply.status).toBe(403);
  });
});

describe('notifications: personal rows, onUpdate false', () => {
  it('tells only the row owner about an insert and nobody about an update', async () => {
    const { people } = cast;
    const created = await api(people.member!, 'POST', '/api/v1/notifications', {
      kind: 'mention',
      message: 'hello',
    });
    expect(created.body.data).toMatchObject({ userId: people.member!.user.userId, read: null });
    const inserts = await framesAfterWrite(['member'], change('notifications', 'INSERT'));
    expect(inserts.member![0].new).toEqual(created.body.data);

    const url = `/api/v1/notifications/${created.body.data.id}`;
    const read = await api(people.member!, 'PATCH', url, { read: true });
    expect(read.body.data.read).toBe(true);
    await framesAfterWrite([], () => false);

    const batch = await api(people.member!, 'POST', '/api/v1/notifications/batch', {
      operations: [],
    });
    expect(batch.status).toBe(405);
  });
});

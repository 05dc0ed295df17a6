// The CRUD routes inside workerd with a real local D1: validation, firewall, masking,
// pagination, batch atomicity and the disabled-route answers. Sessions come from headers here;
// test/e2e/crud*.test.ts runs the same routes behind real Better Auth sessions and sockets.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startCrudWorker, type Caller, type CrudWorker } from './crud-worker.ts';
import { column, id, project, table } from './model-fixture.ts';

const quiet = {
  enabled: false,
  onInsert: true,
  onUpdate: true,
  onDelete: true,
  requiredRoles: null,
  fields: null,
};

const model = project([
  table(
    'applications',
    [
      id(),
      column('candidateId', 'text', { required: true }),
      column('stage', 'text', { enum: ['applied', 'screening', 'offer'] }),
      column('phone', 'text'),
      column('score', 'integer'),
      column('archived', 'boolean'),
      column('meta', 'json'),
      column('appliedAt', 'timestamp'),
      column('organizationId', 'text', { required: true }),
      column('createdBy', 'text'),
    ],
    {
      firewall: [{ field: 'organizationId', equals: 'ctx.activeOrgId' }],
      ownerField: 'createdBy',
      masking: [{ field: 'phone', type: 'phone', showRoles: ['recruiter'], showOwner: true }],
      realtime: quiet,
    },
  ),
  table('notes', [id(), column('body', 'text'), column('userId', 'text', { required: true })], {
    firewall: [{ field: 'userId', equals: 'ctx.userId' }],
    realtime: quiet,
  }),
  table(
    'counters',
    [column('n', 'integer', { primaryKey: true, required: true }), column('label', 'text')],
    {
      crud: { create: true, update: false, delete: false, batch: false },
      realtime: quiet,
    },
  ),
  // Realtime on, but the Worker has no BROADCASTER: every broadcast fails.
  table('events', [id(), column('title', 'text')]),
]);

const alice: Caller = { user: 'alice', org: 'org_a', roles: ['recruiter'] };
const bob: Caller = { user: 'bob', org: 'org_a', roles: ['member'] };
const eve: Caller = { user: 'eve', org: 'org_b', roles: ['recruiter'] };

let worker: CrudWorker;
beforeAll(async () => {
  worker = await startCrudWorker(model);
});
afterAll(async () => {
  await worker?.dispose();
});

const api = (method: string, url: string, caller: Caller, body?: unknown) =>
  worker.request(method, url, caller, body);

describe('single-row routes', () => {
  it('creates with session values and a UUID, and decodes stored types', async () => {
    const created = await api('POST', '/api/v1/applications', alice, {
      candidateId: 'c1',
      stage: 'applied',
      archived: true,
      meta: { tags: ['x'] },
      appliedAt: '2025-02-03T04:05:06+01:00',
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      candidateId: 'c1',
      archived: true,
      meta: { tags: ['x'] },
      appliedAt: '2025-02-03T03:05:06.000Z',
      organizationId: 'org_a',
      createdBy: 'alice',
      score: null,
    });
    const rowId = created.body.data.id as string;
    expect(rowId).toMatch(/^[0-9a-f-]{36}$/);

    const [stored] = await worker.sql(
      `SELECT archived, meta FROM applications WHERE id = '${rowId}'`,
    );
    expect(stored).toEqual({ archived: 1, meta: '{"tags":["x"]}' });
    expect((await api('GET', `/api/v1/applications/${rowId}`, alice)).body.data).toEqual(
      created.body.data,
    );
  });

  it("hides other organizations' rows behind 404 and refuses a session without one", async () => {
    const { body } = await api('POST', '/api/v1/applications', alice, { candidateId: 'c2' });
    const url = `/api/v1/applications/${body.data.id}`;
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const answer = await api(
        method,
        url,
        eve,
        method === 'PATCH' ? { stage: 'offer' } : undefined,
      );
      expect([method, answer.status]).toEqual([method, 404]);
    }
    const list = await api('GET', '/api/v1/applications?limit=200', eve);
    expect(list.body.data.map((row: { id: string }) => row.id)).not.toContain(body.data.id);

    const noOrg = await api('GET', '/api/v1/applications', { user: 'alice', roles: [] });
    expect(noOrg.status).toBe(403);
    expect((await api('GET', '/api/v1/applications', {})).status).toBe(401);
  });

  it('masks for the caller: role or owner sees the phone, others a mask', async () => {
    const created = await api('POST', '/api/v1/applications', bob, {
      candidateId: 'c3',
      phone: '+1 555 123 4567',
    });
    const url = `/api/v1/applications/${created.body.data.id}`;
    expect(created.body.data.phone).toBe('+1 555 123 4567');
    expect((await api('GET', url, alice)).body.data.phone).toBe('+1 555 123 4567');
    const other: Caller = { user: 'carol', org: 'org_a', roles: ['member'] };
    expect((await api('GET', url, other)).body.data.phone).toBe('******4567');
    expect((await api('GET', url, bob)).body.data.phone).toBe('+1 555 123 4567');
  });

  it('validates bodies: unknown fields, types, enums, required and locked fields', async () => {
    const post = (body: unknown) => api('POST', '/api/v1/applications', alice, body);
    expect((await post({ candidateId: 'c', foo: 1, bar: 2 })).body).toEqual({
      error: 'unknown field(s): foo, bar',
    });
    expect((await post({ candidateId: 'c', stage: 'hired' })).body.error).toBe(
      'invalid field(s): stage must be one of applied, screening, offer',
    );
    expect((await post({ stage: 'applied' })).body.error).toBe(
      'missing required field(s): candidateId',
    );
    expect((await post({ candidateId: 'c', organizationId: 'org_b' })).status).toBe(400);
    expect((await post('{not json')).body.error).toBe('the body must be valid JSON');

    const { body } = await post({ candidateId: 'c4' });
    const url = `/api/v1/applications/${body.data.id}`;
    expect((await api('PATCH', url, alice, { createdBy: 'bob' })).body).toEqual({
      error: 'createdBy cannot be changed',
    });
    expect((await api('PATCH', url, alice, { score: 1.5 })).status).toBe(400);
  });

  it('updates, treats an unchanged PATCH as a no-op, deletes returning the old row', async () => {
    const { body } = await api('POST', '/api/v1/applications', alice, { candidateId: 'c5' });
    const url = `/api/v1/applications/${body.data.id}`;
    const patched = await api('PATCH', url, bob, { stage: 'offer', score: 7, archived: false });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ stage: 'offer', score: 7, archived: false });

    const same = await api('PATCH', url, bob, { stage: 'offer', candidateId: 'c5' });
    expect(same.body.data).toEqual(patched.body.data);

    const deleted = await api('DELETE', url, alice);
    expect(deleted.body.data).toEqual(patched.body.data);
    expect((await api('GET', url, alice)).status).toBe(404);
  });

  it('scopes a user-firewalled table to its user, with or without an organization', async () => {
    const mine = await api('POST', '/api/v1/notes', { user: 'dan' }, { body: 'hi' });
    expect(mine.body.data).toMatchObject({ userId: 'dan', body: 'hi' });
    const theirs = await api('GET', `/api/v1/notes/${mine.body.data.id}`, { user: 'erin' });
    expect(theirs.status).toBe(404);
  });

  it('lets SQLite assign an integer key and answers 405 for disabled routes', async () => {
    const first = await api('POST', '/api/v1/counters', alice, { label: 'a' });
    expect(first.status).toBe(201);
    expect(typeof first.body.data.n).toBe('number');
    const url = `/api/v1/counters/${first.body.data.n}`;
    expect((await api('GET', url, alice)).body.data.label).toBe('a');

    const patch = await api('PATCH', url, alice, { label: 'b' });
    expect([patch.status, patch.headers.get('allow')]).toEqual([405, 'GET']);
    const batch = await api('POST', '/api/v1/counters/batch', alice, { operations: [] });
    expect([batch.status, batch.headers.get('allow')]).toEqual([405, 'GET']);
    const put = await api('PUT', '/api/v1/counters', alice, {});
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, POST']);
  });
});

describe('list', () => {
  it('pages by cursor through every row exactly once', async () => {
    const org: Caller = { user: 'pat', org: 'org_pages', roles: [] };
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        (await api('POST', '/api/v1/applications', org, { candidateId: `p${i}` })).body.data.id,
      );
    }

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const answer = await api('GET', `/api/v1/applications?limit=2${query}`, org);
      expect(answer.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...answer.body.data.map((row: { id: string }) => row.id));
      cursor = answer.body.nextCursor;
      if (cursor === null) break;
    }
    expect(seen).toEqual([...made].sort());
    expect((await api('GET', '/api/v1/applications?limit=0', org)).status).toBe(400);
    expect((await api('GET', '/api/v1/applications?cursor=zz*', org)).status).toBe(400);
  });
});

describe('batch', () => {
  const org: Caller = { user: 'kim', org: 'org_batch', roles: ['recruiter'] };
  const list = async () =>
    (await api('GET', '/api/v1/applications?limit=200', org)).body.data as Record<
      string,
      unknown
    >[];

  it('applies every operation in order and reports each', async () => {
    const answer = await api('POST', '/api/v1/applications/batch', org, {
      operations: [
        { op: 'create', data: { id: 'b1', candidateId: 'x' } },
        { op: 'create', data: { id: 'b2', candidateId: 'y' } },
        { op: 'update', id: 'b1', data: { stage: 'screening' } },
        { op: 'delete', id: 'b2' },
      ],
    });
    expect(answer.status).toBe(200);
    expect(
      answer.body.results.map((r: { op: string; data: { id: string } }) => [r.op, r.data.id]),
    ).toEqual([
      ['create', 'b1'],
      ['create', 'b2'],
      ['update', 'b1'],
      ['delete', 'b2'],
    ]);
    expect((await list()).map((row) => [row.id, row.stage])).toEqual([['b1', 'screening']]);
  });

  it('changes nothing when any operation fails', async () => {
    const before = await list();
    const cases: [unknown[], number, string][] = [
      [
        [
          { op: 'create', data: { id: 'n1', candidateId: 'x' } },
          { op: 'create', data: { stage: 'x' } },
        ],
        400,
        'operations[1]: invalid field(s): stage must be one of applied, screening, offer',
      ],
      [
        [
          { op: 'create', data: { id: 'n2', candidateId: 'x' } },
          { op: 'create', data: { id: 'b1', candidateId: 'x' } },
        ],
        409,
        'a row with this primary key already exists',
      ],
      [
        [
          { op: 'create', data: { id: 'n3', candidateId: 'x' } },
          { op: 'update', id: 'missing', data: {} },
        ],
        404,
        'operations[1]: applications missing not found',
      ],
      [
        [
          { op: 'update', id: 'b1', data: { stage: 'offer' } },
          { op: 'update', id: 'b1', data: { nope: 1 } },
        ],
        400,
        'operations[1]: unknown field(s): nope',
      ],
    ];
    for (const [operations, status, error] of cases) {
      const answer = await api('POST', '/api/v1/applications/batch', org, { operations });
      expect([answer.status, answer.body]).toEqual([status, { error }]);
      expect(await list()).toEqual(before);
    }
  });

  it("cannot touch another organization's row", async () => {
    const answer = await api('POST', '/api/v1/applications/batch', eve, {
      operations: [{ op: 'update', id: 'b1', data: { stage: 'offer' } }],
    });
    expect([answer.status, answer.body.error]).toEqual([
      404,
      'operations[0]: applications b1 not found',
    ]);
  });
});

describe('around the write', () => {
  it('keeps a committed write when its broadcast cannot be delivered', async () => {
    const created = await api('POST', '/api/v1/events', alice, { title: 'launch' });
    expect(created.status).toBe(201);
    const url = `/api/v1/events/${created.body.data.id}`;
    expect((await api('PATCH', url, alice, { title: 'moved' })).status).toBe(200);
    expect((await api('GET', url, alice)).body.data.title).toBe('moved');
    expect((await api('DELETE', url, alice)).status).toBe(200);
  });

  it('rereads and replans when the row changed between read and write', async () => {
    const org: Caller = { user: 'ray', org: 'org_race', roles: [] };
    const { body } = await api('POST', '/api/v1/applications', org, { candidateId: 'r', score: 1 });
    const rowId = body.data.id as string;
    const bump = `UPDATE applications SET score = score + 1 WHERE id = '${rowId}'`;

    const race = { id: rowId, org: 'org_race', patch: { stage: 'offer' }, concurrent: bump };
    const once = await api('POST', '/__race/applications', org, { ...race, every: false });
    expect(once.body.batches).toBe(2);
    expect(once.body.outcomes[0].old).toMatchObject({ score: 2, stage: null });
    expect(once.body.outcomes[0].new).toMatchObject({ score: 2, stage: 'offer' });

    const always = await api('POST', '/__race/applications', org, {
      ...race,
      patch: { stage: 'screening' },
      every: true,
    });
    expect([always.status, always.body.error]).toEqual([
      409,
      'the row(s) kept changing while this write ran; try again',
    ]);
    const [stored] = await worker.sql(
      `SELECT stage, score FROM applications WHERE id = '${rowId}'`,
    );
    expect(stored).toEqual({ stage: 'offer', score: 5 });
  });
});

describe('migrations on the live database', () => {
  it('applies a later additive migration without touching existing rows', async () => {
    const before = await worker.sql('SELECT count(*) AS n FROM applications');
    const next = structuredClone(model);
    next.tables[0]!.columns.push(
      column('flagged', 'boolean'),
      column('source', 'text', { enum: ['web', "o'reilly"] }),
    );

    expect(await worker.migrate(next)).toEqual(['migrations/0002_add_columns_to_applications.sql']);
    expect(await worker.migrate(next)).toEqual([]);
    const columns = await worker.sql('PRAGMA table_info(applications)');
    expect(columns.map((item) => item.name)).toEqual(expect.arrayContaining(['flagged', 'source']));
    expect(await worker.sql('SELECT count(*) AS n FROM applications')).toEqual(before);

    const insert =
      'INSERT INTO applications (id, candidate_id, organization_id, flagged) ' +
      "VALUES ('m1', 'c', 'o', 2)";
    await expect(worker.sql(insert)).rejects.toThrow(/CHECK constraint failed/);
    await worker.sql(insert.replace(', 2)', ', 1)'));
    const quoted = "UPDATE applications SET source = 'o''reilly' WHERE id = 'm1'";
    expect(await worker.sql(`${quoted} RETURNING source`)).toEqual([{ source: "o'reilly" }]);
  });
});

// The Broadcaster, the connect path and the publish core inside workerd, with real sockets.
// Every step ends with a sentinel broadcast to every lane; since a lane delivers in order,
// "socket X received nothing" is checked as "X's next message was the sentinel".

import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocketClaims, Target } from '../../runtime/realtime/types.ts';
import { TestSocket, connect, startWorker, type UpgradeOutcome } from './workerd-harness.ts';

const ORG_A = 'acme:1';
const ORG_B = 'events:7';
const SCOPE_1 = 'events:7';
const SCOPE_2 = 'events:8"]:x';
const USER_LANE = 'u-rec';

const LANE_TARGETS: Target[] = [
  ORG_A,
  ORG_B,
  { scopeKey: SCOPE_1 },
  { scopeKey: SCOPE_2 },
  { userId: USER_LANE },
];

function orgClaims(uid: string, org: string, roles: string[]): SocketClaims {
  return { uid, org, roles, lane: { kind: 'org', id: org } };
}

const PEOPLE: Record<string, SocketClaims> = {
  aRec: orgClaims('u-rec', ORG_A, ['recruiter']),
  aHm: orgClaims('u-hm', ORG_A, ['hiring-manager']),
  aHm2: orgClaims('u-hm', ORG_A, ['hiring-manager']),
  aOwner: orgClaims('u-owner', ORG_A, ['recruiter']),
  aInt: orgClaims('u-int', ORG_A, ['interviewer']),
  aBoth: orgClaims('u-both', ORG_A, ['recruiter', 'hiring-manager']),
  bRec: orgClaims('u-rec', ORG_B, ['recruiter']),
  s1Int: { uid: 'u-att', org: ORG_A, roles: ['interviewer'], lane: { kind: 'scope', id: SCOPE_1 } },
  s2Int: {
    uid: 'u-att2',
    org: ORG_A,
    roles: ['interviewer'],
    lane: { kind: 'scope', id: SCOPE_2 },
  },
  uRec: { uid: 'u-rec', org: null, roles: [], lane: { kind: 'user', id: USER_LANE } },
};

let mf: Miniflare;
let base: URL;
const sockets = new Map<string, TestSocket>();
const cursors = new Map<string, number>();
let sentinel = 0;

async function post(path: string, body: unknown): Promise<any> {
  const response = await fetch(new URL(path, base), { method: 'POST', body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return response.json();
}

const call = (method: string, ...args: unknown[]) => post('/call', { method, args });

async function ticketFor(claims: SocketClaims): Promise<string> {
  return (await post('/ticket', claims)).wsTicket;
}

async function open(name: string, claims: SocketClaims): Promise<TestSocket> {
  const outcome = await connect(base, await ticketFor(claims), name);
  if (outcome.kind !== 'open') throw new Error(`${name} refused: ${outcome.body}`);
  sockets.set(name, outcome.socket);
  cursors.set(name, 0);
  return outcome.socket;
}

function live(): Array<[string, TestSocket]> {
  return [...sockets].filter(([, socket]) => socket.closed === null);
}

/**
 * Sends a sentinel to every lane, waits until every open socket has it, and checks that each
 * socket received exactly `expected[name]` (default: nothing) since the previous sentinel.
 */
async function expectStep(expected: Record<string, unknown[]>): Promise<void> {
  sentinel += 1;
  const k = sentinel;
  const results = await post(
    '/many',
    LANE_TARGETS.map((target) => ({ op: 'broadcast', event: 'sentinel', payload: { k }, target })),
  );
  for (const result of results) expect(result).toMatchObject({ ok: true, serializations: 1 });

  const isSentinel = (json: any) => json?.event === 'sentinel' && json.payload?.k === k;
  for (const [name, socket] of live()) {
    await socket.until(() => socket.received.some((m) => isSentinel(m.json)), `sentinel ${k}`);
    const end = socket.received.findIndex((m) => isSentinel(m.json));
    const events = socket.received
      .slice(cursors.get(name), end)
      .filter((m) => m.json !== undefined)
      .map((m) => m.json);
    cursors.set(name, end + 1);
    expect(events, `${name} after step ${k}`).toEqual(expected[name] ?? []);
  }
}

function change(eventType: string, next: unknown, old: unknown, table = 'applications') {
  return { type: 'postgres_changes', table, eventType, schema: 'public', new: next, old };
}

const app1 = {
  id: 'app1',
  candidateName: 'John Smith',
  email: 'john@yahoo.com',
  phone: '555-123-4567',
  stage: 'applied',
  createdBy: 'u-owner',
};
const sent1 = {
  id: 'app1',
  candidateName: 'John Smith',
  email: 'john@yahoo.com',
  stage: 'applied',
};
const MASKED_EMAIL = 'j***@y*********.com';
const MASKED_PHONE = '******4567';

beforeAll(async () => {
  ({ mf, url: base } = await startWorker());
  for (const [name, claims] of Object.entries(PEOPLE)) await open(name, claims);
  await expectStep({});
});

afterAll(async () => {
  for (const socket of sockets.values()) socket.ws.terminate();
  await mf?.dispose();
});

describe('Broadcaster in workerd', () => {
  it('refuses bad upgrades with 401 and a reason, and plain requests with 426', async () => {
    const { wsTicket } = await post('/ticket', PEOPLE.aRec);
    const [body, sig] = wsTicket.split('.');
    const forged = `${body}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    const cases: Array<[string, string]> = [
      [forged, 'bad signature'],
      [`${wsTicket}=`, 'malformed ticket'],
      ['garbage', 'malformed ticket'],
      ['', 'missing ticket'],
    ];
    for (const [ticket, reason] of cases) {
      const outcome = await connect(base, ticket, 'refused');
      expect(outcome).toEqual({
        kind: 'refused',
        status: 401,
        body: JSON.stringify({ error: reason }),
      });
    }

    const plain = await fetch(new URL(`/connect?ws_ticket=${wsTicket}`, base));
    expect(plain.status).toBe(426);
  });

  it('delivers an INSERT to the required roles, masked once per view', async () => {
    const result = await call('insert', 'applications', app1, ORG_A);
    expect(result).toEqual({ ok: true, skipped: false, recipients: 5, serializations: 3 });

    const forRecruiter = change('INSERT', { ...sent1, phone: MASKED_PHONE }, null);
    const forManager = change('INSERT', { ...sent1, email: MASKED_EMAIL, phone: app1.phone }, null);
    const unmasked = change('INSERT', { ...sent1, phone: app1.phone }, null);
    await expectStep({
      aRec: [forRecruiter],
      aHm: [forManager],
      aHm2: [forManager],
      aOwner: [unmasked],
      aBoth: [unmasked],
    });

    const text = sockets.get('aOwner')!.received.at(-2)!.text;
    expect(text).toBe(
      '{"type":"postgres_changes","table":"applications","eventType":"INSERT","schema":"public",' +
        '"new":{"id":"app1","candidateName":"John Smith","email":"john@yahoo.com",' +
        '"phone":"555-123-4567","stage":"applied"},"old":null}',
    );
  });

  it('tests ownership per side of an UPDATE and honours targetRoles', async () => {
    const next = { ...app1, stage: 'screening', createdBy: 'u-hm' };
    const result = await call('update', 'applications', next, app1, ORG_A, {
      targetRoles: ['recruiter'],
    });
    expect(result).toEqual({ ok: true, skipped: false, recipients: 3, serializations: 3 });

    const nextSent = { ...sent1, stage: 'screening' };
    await expectStep({
      aRec: [
        change('UPDATE', { ...nextSent, phone: MASKED_PHONE }, { ...sent1, phone: MASKED_PHONE }),
      ],
      aOwner: [
        change('UPDATE', { ...nextSent, phone: MASKED_PHONE }, { ...sent1, phone: app1.phone }),
      ],
      aBoth: [
        change('UPDATE', { ...nextSent, phone: app1.phone }, { ...sent1, phone: app1.phone }),
      ],
    });
  });

  it('narrows a DELETE to one user inside the lane', async () => {
    const target = { organizationId: ORG_A, userId: 'u-hm' };
    const result = await call('delete', 'applications', { id: 'app1' }, target);
    expect(result).toEqual({ ok: true, skipped: false, recipients: 2, serializations: 1 });

    const event = change('DELETE', null, { id: 'app1' });
    await expectStep({ aHm: [event], aHm2: [event] });
  });

  it('applies a per-call maskingConfig over the table rules, field by field', async () => {
    const app2 = { ...app1, id: 'app2' };
    const result = await call('insert', 'applications', app2, ORG_A, {
      maskingConfig: {
        candidateName: { type: 'name', show: { roles: ['hiring-manager'] } },
        email: { type: 'email', show: { roles: ['hiring-manager'] } },
      },
    });
    expect(result).toEqual({ ok: true, skipped: false, recipients: 5, serializations: 3 });

    const sent2 = { ...sent1, id: 'app2' };
    const hidden = { candidateName: 'J*** S***', email: MASKED_EMAIL };
    const full = change('INSERT', { ...sent2, phone: app1.phone }, null);
    await expectStep({
      aRec: [change('INSERT', { ...sent2, ...hidden, phone: MASKED_PHONE }, null)],
      aOwner: [change('INSERT', { ...sent2, ...hidden, phone: app1.phone }, null)],
      aHm: [full],
      aHm2: [full],
      aBoth: [full],
    });
  });

  it('skips events a table turned off, and sends tables without roles to everyone', async () => {
    const note = { id: 'n1', body: 'call back' };
    expect(await call('update', 'notes', note, note, ORG_A)).toEqual({
      ok: true,
      skipped: true,
      reason: 'onUpdate is false',
    });
    expect(await call('insert', 'notes', note, ORG_A)).toEqual({
      ok: true,
      skipped: false,
      recipients: 6,
      serializations: 1,
    });

    const event = change('INSERT', note, null, 'notes');
    const everyone = ['aRec', 'aHm', 'aHm2', 'aOwner', 'aInt', 'aBoth'];
    await expectStep(Object.fromEntries(everyone.map((name) => [name, [event]])));
  });

  it('keeps lanes apart, even when an organization id equals a scope key', async () => {
    const results = await Promise.all([
      call('broadcast', 'screening-complete', { n: 1 }, ORG_B),
      call('broadcast', 'screening-complete', { n: 2 }, { scopeKey: SCOPE_1 }),
      call('publishNamespace', 'screening', 'started', { n: 3 }, { scopeKey: SCOPE_2 }),
      call('broadcast', 'personal', { n: 4 }, { userId: USER_LANE }),
      call('broadcast', 'interviewers', { n: 5 }, ORG_A, { targetRoles: ['interviewer'] }),
    ]);
    for (const result of results) {
      expect(result).toEqual({ ok: true, skipped: false, recipients: 1, serializations: 1 });
    }

    const broadcast = (event: string, n: number) => ({ type: 'broadcast', event, payload: { n } });
    await expectStep({
      bRec: [broadcast('screening-complete', 1)],
      s1Int: [broadcast('screening-complete', 2)],
      s2Int: [broadcast('screening:started', 3)],
      uRec: [broadcast('personal', 4)],
      aInt: [broadcast('interviewers', 5)],
    });
  });

  it('sends a batch as one request per lane and answers per request, in order', async () => {
    const note = { id: 'n2', body: 'batch' };
    const results = await post('/many', [
      { op: 'insert', table: 'notes', record: note, target: ORG_A, options: { userId: 'u-int' } },
      { op: 'update', table: 'notes', record: note, oldRecord: note, target: ORG_A },
      { op: 'broadcast', event: 'b', payload: null, target: ORG_B },
      { op: 'insert', table: 'nope', record: note, target: ORG_A },
      { op: 'broadcast', event: 'a', payload: null, target: ORG_A, options: { userId: 'u-owner' } },
    ]);
    expect(results).toEqual([
      { ok: true, skipped: false, recipients: 1, serializations: 1 },
      { ok: true, skipped: true, reason: 'onUpdate is false' },
      { ok: true, skipped: false, recipients: 1, serializations: 1 },
      { ok: false, error: 'unknown table "nope"' },
      { ok: true, skipped: false, recipients: 1, serializations: 1 },
    ]);

    await expectStep({
      aInt: [change('INSERT', note, null, 'notes')],
      bRec: [{ type: 'broadcast', event: 'b', payload: null }],
      aOwner: [{ type: 'broadcast', event: 'a', payload: null }],
    });
  });

  it('answers ping with pong', async () => {
    const socket = sockets.get('aInt')!;
    const before = socket.received.length;
    socket.ws.send('ping');
    await socket.until(() => socket.received.slice(before).some((m) => m.text === 'pong'), 'pong');
    await expectStep({});
  });

  it('closes a socket sending oversized, binary or flooding input, and only that one', async () => {
    const claims = orgClaims('u-noisy', ORG_A, ['interviewer']);
    const [huge, binary, flood] = await Promise.all([
      open('huge', claims),
      open('binary', claims),
      open('flood', claims),
    ]);

    huge.ws.send('x'.repeat(64 * 1024));
    binary.ws.send(Buffer.from([1, 2, 3]));
    for (let i = 0; i < 25; i++) flood.ws.send(`hello ${i}`);

    expect(await huge.waitForClose()).toEqual({ code: 1009, reason: 'message too large' });
    expect(await binary.waitForClose()).toEqual({
      code: 1003,
      reason: 'binary messages not accepted',
    });
    expect(await flood.waitForClose()).toEqual({ code: 1008, reason: 'too many messages' });

    const small = await open('small', claims);
    small.ws.send('y'.repeat(4_096));
    await expectStep({});
    expect(small.closed).toBeNull();
  });

  it('accepts a ticket once, even when two upgrades race with it', async () => {
    const ticket = await ticketFor(orgClaims('u-race', ORG_A, ['recruiter']));
    const outcomes: UpgradeOutcome[] = await Promise.all([
      connect(base, ticket, 'race-1'),
      connect(base, ticket, 'race-2'),
    ]);

    const opened = outcomes.filter((o) => o.kind === 'open');
    const refused = outcomes.filter((o) => o.kind === 'refused');
    expect(opened).toHaveLength(1);
    expect(refused).toEqual([
      { kind: 'refused', status: 401, body: JSON.stringify({ error: 'ticket already used' }) },
    ]);
    sockets.set('race', (opened[0] as { socket: TestSocket }).socket);
    cursors.set('race', 0);

    expect(await connect(base, ticket, 'race-3')).toEqual({
      kind: 'refused',
      status: 401,
      body: JSON.stringify({ error: 'ticket already used' }),
    });

    const result = await call('broadcast', 'hello-race', {}, ORG_A, { userId: 'u-race' });
    expect(result).toEqual({ ok: true, skipped: false, recipients: 1, serializations: 1 });
    await expectStep({ race: [{ type: 'broadcast', event: 'hello-race', payload: {} }] });
  });

  it("disconnect closes that user's sockets in the lane and no others", async () => {
    const result = await call('disconnect', { organizationId: ORG_A, userId: 'u-hm' });
    expect(result).toEqual({ ok: true, closed: 2 });

    for (const name of ['aHm', 'aHm2']) {
      const closed = await sockets.get(name)!.waitForClose();
      expect(closed).toEqual({ code: 4001, reason: 'disconnected by server' });
    }
    await expectStep({});
    expect(live().map(([name]) => name)).not.toContain('aHm');
    expect(live()).toHaveLength(sockets.size - 5);
  });
});

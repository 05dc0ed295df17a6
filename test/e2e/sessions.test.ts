// Sessions meeting the running recruitment project (wrangler dev, real Better Auth):
// - a membership change (removal, role change, leaving) closes the member's organization
//   sockets with 4001, and the next ticket carries the new claims;
// - a cookie-borne write from another origin, a non-JSON write body and an oversized body are
//   refused with JSON answers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  openSocket,
  readTicket,
  startExample,
  type Predicate,
  type RunningProject,
  type TestSocket,
  type TestUser,
} from '../support/index.ts';

let app: RunningProject;
let orgId: string;
let alice: TestUser; // owner
const sockets: TestSocket[] = [];

beforeAll(async () => {
  app = await startExample('recruitment');
  alice = await app.client.signUp('alice');
  orgId = await app.client.createOrg(alice.token, 'Acme Hiring');
}, 240_000);

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.close()));
  await app?.stop();
});

async function member(label: string, role: string): Promise<TestUser> {
  const user = await app.client.signUp(label);
  await app.client.addMember(alice.token, orgId, user, role);
  return user;
}

async function socketFor(user: TestUser): Promise<{ socket: TestSocket; claims: any }> {
  const ticket = await app.client.mintTicket(user.token);
  const socket = await openSocket(app.server.url, ticket);
  sockets.push(socket);
  return { socket, claims: readTicket(ticket) };
}

/** The close code and reason, or a failure after `ms`. */
function closedWithin(socket: TestSocket, ms = 5_000): Promise<{ code: number; reason: string }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms);
  });
  return Promise.race([socket.closed, timeout]).finally(() => clearTimeout(timer));
}

const DISCONNECTED = { code: 4001, reason: 'disconnected by server' };

const auth = (token: string, path: string, body: unknown) =>
  app.client.request('POST', `/api/auth/organization/${path}`, { token, body });

async function createJob(title: string): Promise<void> {
  const reply = await app.client.request('POST', '/api/v1/jobs', {
    token: alice.token,
    body: { title },
  });
  expect(reply.status).toBe(201);
}

const job =
  (title: string): Predicate =>
  (m) =>
    m?.table === 'jobs' && m.eventType === 'INSERT' && m.new?.title === title;

let sentinels = 0;

/** A broadcast to the user's own lane; nothing else may reach `socket` before it. */
async function expectNothingElse(user: TestUser, socket: TestSocket): Promise<void> {
  const event = `sentinel-${++sentinels}`;
  await app.client.callHelper('broadcast', [event, {}, { userId: user.userId }]);
  await socket.expectNothingUntil((m) => m?.type === 'broadcast' && m.event === event);
}

describe('membership changes', () => {
  it("closes a removed member's socket with 4001; later org writes miss them", async () => {
    const rita = await member('rita', 'recruiter');
    const { socket, claims } = await socketFor(rita);
    expect(claims.lane).toEqual({ kind: 'org', id: orgId });
    await createJob('before removal');
    await socket.waitFor(job('before removal'));

    const removed = await auth(alice.token, 'remove-member', {
      memberIdOrEmail: rita.email,
      organizationId: orgId,
    });
    expect(removed.status).toBe(200);
    expect(await closedWithin(socket)).toEqual(DISCONNECTED);

    // The next ticket no longer names the organization: the user lane, without roles.
    const next = await socketFor(rita);
    expect(next.claims).toMatchObject({ lane: { kind: 'user', id: rita.userId }, org: null });
    expect(next.claims.roles).toEqual([]);

    await createJob('after removal');
    await expectNothingElse(rita, next.socket);
    expect(socket.messages.filter(job('after removal'))).toEqual([]);
  });

  it('closes the socket on a role change; the new ticket carries the new role', async () => {
    const ivan = await member('ivan', 'interviewer');
    const { socket, claims } = await socketFor(ivan);
    expect(claims.roles).toEqual(['interviewer']);

    const members = await app.client.request(
      'GET',
      `/api/auth/organization/list-members?organizationId=${orgId}`,
      { token: alice.token },
    );
    const row = members.body.members.find((m: any) => m.userId === ivan.userId);
    const updated = await auth(alice.token, 'update-member-role', {
      memberId: row.id,
      role: 'recruiter',
      organizationId: orgId,
    });
    expect(updated.status).toBe(200);
    expect(await closedWithin(socket)).toEqual(DISCONNECTED);

    const next = await socketFor(ivan);
    expect(next.claims).toMatchObject({ lane: { kind: 'org', id: orgId }, roles: ['recruiter'] });

    // Applications reach recruiters but not interviewers: the new socket has the new role.
    const application = { candidateId: 'c1', jobId: 'j1', stage: 'applied' };
    const created = await app.client.request('POST', '/api/v1/applications', {
      token: alice.token,
      body: application,
    });
    expect(created.status).toBe(201);
    const event = await next.socket.waitFor((m) => m?.table === 'applications');
    expect(event).toMatchObject({ eventType: 'INSERT', new: application });
  });

  it('closes the socket of a member who leaves', async () => {
    const mia = await member('mia', 'member');
    const { socket } = await socketFor(mia);

    const left = await auth(mia.token, 'leave', { organizationId: orgId });
    expect(left.status).toBe(200);
    expect(await closedWithin(socket)).toEqual(DISCONNECTED);
    expect(readTicket(await app.client.mintTicket(mia.token)).org).toBeNull();
  });

  it('closes nothing when Better Auth refuses the change', async () => {
    const { socket } = await socketFor(alice);

    // The only owner may not leave.
    const refused = await auth(alice.token, 'leave', { organizationId: orgId });
    expect(refused.status).toBe(400);

    socket.send('ping');
    await socket.waitFor((m) => m === 'pong');
  });
});

describe('request guards with a real session cookie', () => {
  let cookie: string;

  beforeAll(async () => {
    const body = { email: 'cookie-owner@example.test', password: 'cookie-password-1', name: 'c' };
    const signUp = await app.client.request('POST', '/api/auth/sign-up/email', { body });
    cookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
    await app.client.createOrg(signUp.headers.get('set-auth-token')!, 'Cookie Org');
  });

  /** A raw request: the AppClient would add a same-origin Origin and a JSON content type. */
  async function send(method: string, path: string, headers: Record<string, string>, body = '') {
    const response = await fetch(`${app.server.url}${path}`, {
      method,
      headers: { cookie, ...headers },
      body: method === 'GET' ? undefined : body,
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, body: await response.json() };
  }

  const refused = { status: 403, body: { error: 'cross-origin request refused' } };
  const jobBody = JSON.stringify({ title: 'forged' });

  it('refuses cookie-borne writes from another origin or without Origin', async () => {
    for (const origin of ['http://evil.example', undefined]) {
      const headers: Record<string, string> = { 'content-type': 'text/plain' };
      if (origin !== undefined) headers.origin = origin;

      expect(await send('POST', '/api/v1/jobs', headers, jobBody)).toEqual(refused);
      expect(await send('PATCH', '/api/v1/jobs/j1', headers, jobBody)).toEqual(refused);
      expect(await send('DELETE', '/api/v1/jobs/j1', headers)).toEqual(refused);
      expect(await send('POST', '/broadcast/v1/ws-ticket', headers)).toEqual(refused);
    }
    const list = await send('GET', '/api/v1/jobs', {});
    expect(list.body.data).toEqual([]);
  });

  it('accepts them from its own origin, as JSON only', async () => {
    const origin = app.server.url;
    const plain = await send(
      'POST',
      '/api/v1/jobs',
      { origin, 'content-type': 'text/plain' },
      jobBody,
    );
    expect(plain).toEqual({
      status: 415,
      body: { error: 'the body must be sent with content-type: application/json' },
    });

    const json = { origin, 'content-type': 'application/json' };
    expect((await send('POST', '/api/v1/jobs', json, jobBody)).status).toBe(201);
    expect((await send('POST', '/broadcast/v1/ws-ticket', { origin })).status).toBe(200);
  });

  it('answers 413 JSON for oversized bodies', async () => {
    const tooBig = { status: 413, body: { error: 'request body too large (limit 1 MiB)' } };
    const headers = { origin: app.server.url, 'content-type': 'application/json' };

    // Under wrangler dev the answer comes only once the whole body arrived (a request that
    // declares more than it sends gets none), so the bodies are sent in full.
    const field = JSON.stringify({ title: 'x'.repeat(3 * 1024 * 1024) });
    expect(await send('POST', '/api/v1/jobs', headers, field)).toEqual(tooBig);
    const huge = 'y'.repeat(20 * 1024 * 1024);
    expect(await send('POST', '/api/v1/jobs', headers, huge)).toEqual(tooBig);
    expect(await send('POST', '/broadcast/v1/ws-ticket', headers, field)).toEqual(tooBig);
  });
});

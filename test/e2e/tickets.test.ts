// POST /broadcast/v1/ws-ticket and the upgrade at GET /broadcast/v1/websocket, against the
// recruitment example running under `wrangler dev` with real Better Auth users.

import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  connect,
  craftTicket,
  HAND_WRITTEN_MARK,
  readTicket,
  startExample,
  type Connection,
  type RunningProject,
} from '../support/index.ts';
import { setUpRecruitmentOrg, type RecruitmentOrg } from './tickets-org.ts';

let app: RunningProject;
let org: RecruitmentOrg;

beforeAll(async () => {
  // Rebuilding after the entry became hand-written proves the build leaves such a file alone.
  app = await startExample('recruitment', { rebuildAfterEntry: true });
  org = await setUpRecruitmentOrg(app.client);
});

afterAll(async () => {
  await app?.stop();
});

function refusal(connection: Connection) {
  if (connection.kind === 'open') {
    void connection.socket.close();
    return { status: 101, error: 'a socket was opened' };
  }
  return { status: connection.status, error: connection.body?.error };
}

/** Mints until the ticket holds a `-` or `_`, so it has URL-unsafe twins to swap in. */
async function ticketWithUrlSafeChars(token: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const ticket = await app.client.mintTicket(token);
    if (/[-_]/.test(ticket)) return ticket;
  }
  throw new Error('no ticket with - or _ in 20 tries');
}

describe('hand-written entry', () => {
  it('survives a rebuild untouched, without a warning as it exports Broadcaster', () => {
    const entry = fs.readFileSync(path.join(app.project.dir, 'src', 'index.ts'), 'utf8');

    expect(entry.startsWith(HAND_WRITTEN_MARK)).toBe(true);
    expect(entry).toContain("export { Broadcaster } from './lib/realtime/broadcaster';");
    expect(app.project.output.stdout + app.project.output.stderr).not.toMatch(/QB050/);
  });
});

describe('ticket issuance', () => {
  it('gives an organization-lane ticket with the member roles, valid for 60 seconds', async () => {
    const before = Date.now();
    const reply = await app.client.requestTicket(org.hank.token);

    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    const { wsTicket, expiresAt } = reply.body;
    expect(wsTicket).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);

    const payload = readTicket(wsTicket);
    expect(payload.lane).toEqual({ kind: 'org', id: org.orgId });
    expect(payload.uid).toBe(org.hank.userId);
    expect(payload.org).toBe(org.orgId);
    // Better Auth stores both roles as one comma-separated value.
    expect([...payload.roles].sort()).toEqual(['hiring-manager', 'interviewer']);
    expect(payload.exp - payload.iat).toBe(60_000);
    expect(Date.parse(expiresAt)).toBe(payload.exp);
    expect(payload.iat).toBeGreaterThanOrEqual(before - 5_000);
  });

  it('gives a user-lane ticket without roles to a user with no active organization', async () => {
    const payload = readTicket(await app.client.mintTicket(org.nora.token));

    expect(payload.lane).toEqual({ kind: 'user', id: org.nora.userId });
    expect(payload.org).toBeNull();
    expect(payload.roles).toEqual([]);
  });

  it('accepts the Better Auth session cookie as well as the bearer token', async () => {
    const body = { email: 'cookie-user@example.test', password: 'cookie-password-1', name: 'c' };
    const signUp = await app.client.request('POST', '/api/auth/sign-up/email', { body });
    const cookie = signUp.headers.get('set-cookie')?.split(';')[0];
    expect(cookie).toMatch(/^better-auth\.session_token=/);

    const reply = await app.client.request('POST', '/broadcast/v1/ws-ticket', {
      headers: { cookie: cookie! },
    });
    expect(reply.status).toBe(200);
    expect(readTicket(reply.body.wsTicket).uid).toBe(signUp.body.user.id);
  });

  it('refuses requests without a valid session with 401', async () => {
    const none = await app.client.requestTicket(null);
    const forged = await app.client.requestTicket('not-a-session-token');

    expect([none.status, none.body]).toEqual([401, { error: 'unauthorized' }]);
    expect([forged.status, forged.body]).toEqual([401, { error: 'unauthorized' }]);
  });

  it('refuses to grant a role the manifest does not declare', async () => {
    const reply = await app.client.inviteMember(
      org.alice.token,
      org.orgId,
      'x@example.test',
      'wizard',
    );

    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/^Role not found: wizard/);
  });

  it('treats a member removed from the active organization as having none', async () => {
    const leaver = await app.client.signUp('leaver');
    await app.client.addMember(org.alice.token, org.orgId, leaver, 'recruiter');
    const removed = await app.client.request('POST', '/api/auth/organization/remove-member', {
      token: org.alice.token,
      body: { memberIdOrEmail: leaver.email, organizationId: org.orgId },
    });
    expect(removed.status).toBe(200);

    const payload = readTicket(await app.client.mintTicket(leaver.token));
    expect(payload.lane).toEqual({ kind: 'user', id: leaver.userId });
    expect(payload.roles).toEqual([]);
  });
});

describe('websocket upgrade', () => {
  it('accepts a fresh ticket once and refuses it afterwards', async () => {
    const ticket = await app.client.mintTicket(org.rita.token);

    const first = await connect(app.server.url, ticket);
    expect(first.kind).toBe('open');
    if (first.kind === 'open') await first.socket.close();

    expect(refusal(await connect(app.server.url, ticket))).toEqual({
      status: 401,
      error: 'ticket already used',
    });
  });

  it('opens exactly one socket when two upgrades race with one ticket', async () => {
    for (let round = 0; round < 5; round++) {
      const ticket = await app.client.mintTicket(org.rita.token);
      const results = await Promise.all([
        connect(app.server.url, ticket),
        connect(app.server.url, ticket),
      ]);

      const opened = results.filter((result) => result.kind === 'open');
      const refused = results.filter((result) => result.kind === 'refused').map(refusal);
      expect(opened).toHaveLength(1);
      expect(refused).toEqual([{ status: 401, error: 'ticket already used' }]);
      for (const result of opened) if (result.kind === 'open') await result.socket.close();
    }
  });

  it('refuses re-encoded tickets as malformed, before and after the original is used', async () => {
    const ticket = await ticketWithUrlSafeChars(org.rita.token);
    const [body, signature] = ticket.split('.') as [string, string];
    const padded = `${body}${'='.repeat((4 - (body.length % 4)) % 4)}.${signature}=`;
    const unsafe = ticket.replaceAll('-', '+').replaceAll('_', '/');
    const malformed = { status: 401, error: 'malformed ticket' };

    expect(refusal(await connect(app.server.url, padded))).toEqual(malformed);
    expect(refusal(await connect(app.server.url, unsafe))).toEqual(malformed);

    const original = await connect(app.server.url, ticket);
    expect(original.kind).toBe('open');
    if (original.kind === 'open') await original.socket.close();

    expect(refusal(await connect(app.server.url, padded))).toEqual(malformed);
    expect(refusal(await connect(app.server.url, unsafe))).toEqual(malformed);
  });

  it('refuses forged, tampered, expired, early, garbage and missing tickets with 401', async () => {
    const secret = app.server.secret!;
    const claims = {
      lane: { kind: 'org' as const, id: org.orgId },
      uid: org.mia.userId,
      org: org.orgId,
      roles: ['member'],
    };
    const genuine = await app.client.mintTicket(org.mia.token);
    const [, signature] = genuine.split('.');
    const promoted = Buffer.from(
      JSON.stringify({ ...readTicket(genuine), roles: ['owner'] }),
    ).toString('base64url');

    const cases: [string, string][] = [
      [craftTicket('some-other-secret-of-enough-length', claims), 'bad signature'],
      [`${promoted}.${signature}`, 'bad signature'],
      [craftTicket(secret, claims, Date.now() - 120_000), 'expired ticket'],
      [craftTicket(secret, claims, Date.now() + 60_000), 'ticket not yet valid'],
      ['not-a-ticket', 'malformed ticket'],
      ['a.b.c', 'malformed ticket'],
      ['', 'missing ticket'],
    ];
    for (const [ticket, error] of cases) {
      expect(refusal(await connect(app.server.url, ticket))).toEqual({ status: 401, error });
    }
  });

  it('answers a plain GET with 426 without spending the ticket', async () => {
    const ticket = await app.client.mintTicket(org.rita.token);
    const plain = await app.client.request('GET', `/broadcast/v1/websocket?ws_ticket=${ticket}`);
    expect([plain.status, plain.body]).toEqual([426, { error: 'expected a websocket upgrade' }]);

    const upgrade = await connect(app.server.url, ticket);
    expect(upgrade.kind).toBe('open');
    if (upgrade.kind === 'open') await upgrade.socket.close();
  });
});

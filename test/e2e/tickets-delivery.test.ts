// What each socket receives: lanes, required roles, target roles, user narrowing and masking,
// with real Better Auth members in different roles and the generated createRealtime(env)
// called from a route of the running Worker.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  openSocket,
  startExample,
  type RunningProject,
  type TestSocket,
} from '../support/index.ts';
import { setUpRecruitmentOrg, type RecruitmentOrg } from './tickets-org.ts';

let app: RunningProject;
let org: RecruitmentOrg;
const sockets: Record<string, TestSocket> = {};
let sentinelCount = 0;

const ORG_MEMBERS = ['alice', 'rita', 'hank', 'ivan', 'irene', 'mia'] as const;

beforeAll(async () => {
  app = await startExample('recruitment');
  org = await setUpRecruitmentOrg(app.client);

  for (const name of [...ORG_MEMBERS, 'olga', 'nora'] as const) {
    const ticket = await app.client.mintTicket(org[name].token);
    sockets[name] = await openSocket(app.server.url, ticket);
  }
});

afterAll(async () => {
  await Promise.all(Object.values(sockets).map((socket) => socket.close()));
  await app?.stop();
});

const isEvent = (table: string, eventType: string) => (message: any) =>
  message?.type === 'postgres_changes' &&
  message.table === table &&
  message.eventType === eventType;

const isBroadcast = (event: string) => (message: any) =>
  message?.type === 'broadcast' && message.event === event;

/**
 * Sends a sentinel broadcast to every lane a socket lives in and checks that each listed
 * socket received nothing else since it last read: the sentinel travels each lane after the
 * events under test, so anything they delivered arrived before it. Every other socket reads
 * past the sentinel too, so the next check starts clean.
 */
async function expectNothingElse(names: readonly string[]): Promise<void> {
  const event = `sentinel-${++sentinelCount}`;
  await app.client.callHelper('broadcast', [event, {}, org.orgId]);
  await app.client.callHelper('broadcast', [event, {}, org.otherOrgId]);
  await app.client.callHelper('broadcast', [event, {}, { userId: org.nora.userId }]);

  for (const [name, socket] of Object.entries(sockets)) {
    if (names.includes(name)) await socket.expectNothingUntil(isBroadcast(event));
    else await socket.waitFor(isBroadcast(event));
  }
}

describe('table events', () => {
  it('reach only members holding a required role, trimmed to the sent fields', async () => {
    const record = {
      id: 'app_1',
      candidateId: 'cand_1',
      jobId: 'job_1',
      stage: 'applied',
      notes: 'internal notes',
      organizationId: org.orgId,
      createdBy: org.rita.userId,
    };
    const result = await app.client.callHelper('insert', ['applications', record, org.orgId]);
    expect(result).toMatchObject({ ok: true, recipients: 3, serializations: 1 });

    for (const name of ['alice', 'rita', 'hank']) {
      const message = await sockets[name]!.waitFor(isEvent('applications', 'INSERT'));
      expect(message).toEqual({
        type: 'postgres_changes',
        table: 'applications',
        eventType: 'INSERT',
        schema: 'public',
        new: { id: 'app_1', candidateId: 'cand_1', jobId: 'job_1', stage: 'applied' },
        old: null,
      });
    }
    await expectNothingElse(['ivan', 'irene', 'mia', 'olga', 'nora']);
  });

  it('are masked per view: roles, and the record owner', async () => {
    const candidate = {
      id: 'cand_1',
      name: 'Jane Doe',
      email: 'jane@example.com',
      phone: '555-123-4567',
      ssn: '123-45-6789',
      resumeUrl: 'https://files.example.com/jane.pdf',
      organizationId: org.orgId,
      createdBy: org.ivan.userId,
    };
    const result = await app.client.callHelper('insert', ['candidates', candidate, org.orgId]);
    // alice sees all; rita, hank and ivan (the owner) share one view; irene sees the least.
    expect(result).toMatchObject({ ok: true, recipients: 5, serializations: 3 });

    const received = async (name: string) =>
      (await sockets[name]!.waitFor(isEvent('candidates', 'INSERT'))).new;
    const ssnMasked = '*****6789';

    expect(await received('alice')).toEqual(candidate);
    for (const name of ['rita', 'hank', 'ivan']) {
      expect(await received(name)).toEqual({ ...candidate, ssn: ssnMasked });
    }

    const irene = await received('irene');
    expect(irene.name).toBe('Jane Doe');
    expect(irene.ssn).toBe(ssnMasked);
    expect(irene.resumeUrl).toBe('[REDACTED]');
    expect(irene.phone).toMatch(/^\*+4567$/);
    expect(irene.email).toMatch(/^j\*+@e\*+\.com$/);
    await expectNothingElse(['mia', 'olga', 'nora']);
  });
});

describe('broadcasts', () => {
  it('reach the whole organization lane, and namespace events carry their prefix', async () => {
    await app.client.callHelper('started', [{ applicationId: 'app_1' }, org.orgId], 'screening');

    for (const name of ORG_MEMBERS) {
      const message = await sockets[name]!.waitFor(isBroadcast('screening:started'));
      expect(message).toEqual({
        type: 'broadcast',
        event: 'screening:started',
        payload: { applicationId: 'app_1' },
      });
    }
    await expectNothingElse(['olga', 'nora']);
  });

  it('narrow to target roles and to one user inside the lane', async () => {
    const options = { targetRoles: ['interviewer'] };
    await app.client.callHelper('broadcast', ['panel', { n: 1 }, org.orgId, options]);
    for (const name of ['hank', 'ivan', 'irene']) {
      await sockets[name]!.waitFor(isBroadcast('panel'));
    }

    const target = { organizationId: org.orgId, userId: org.rita.userId };
    await app.client.callHelper('broadcast', ['direct', { n: 2 }, target]);
    await sockets.rita!.waitFor(isBroadcast('direct'));

    await expectNothingElse(['alice', 'hank', 'ivan', 'irene', 'mia', 'olga', 'nora']);
  });

  it('reach a user-lane socket through its user id only', async () => {
    await app.client.callHelper('broadcast', [
      'personal',
      { hello: 'nora' },
      { userId: org.nora.userId },
    ]);
    const message = await sockets.nora!.waitFor(isBroadcast('personal'));
    expect(message.payload).toEqual({ hello: 'nora' });

    await expectNothingElse([...ORG_MEMBERS, 'olga']);
  });
});

describe('disconnect', () => {
  it("closes one user's sockets in the lane; a new ticket reconnects them", async () => {
    const result = await app.client.callHelper('disconnect', [
      { organizationId: org.orgId, userId: org.mia.userId },
    ]);
    expect(result).toMatchObject({ ok: true, closed: 1 });

    const closed = await sockets.mia!.closed;
    expect(closed.code).toBe(4001);

    sockets.mia = await openSocket(app.server.url, await app.client.mintTicket(org.mia.token));
    await expectNothingElse(['mia', 'alice']);
  });
});

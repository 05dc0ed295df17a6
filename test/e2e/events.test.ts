// Relationship tickets (manifests-examples/events): only an attendee of an event in the
// caller's organization gets a ticket, and it opens a socket on that event's scope lane.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  openSocket,
  readTicket,
  startExample,
  type RunningProject,
  type TestSocket,
  type TestUser,
} from '../support/index.ts';

let app: RunningProject;
let orgId: string;
let otherOrgId: string;
const users: Record<string, TestUser> = {};
const sockets: TestSocket[] = [];

beforeAll(async () => {
  app = await startExample('events');
  const { client } = app;

  for (const name of ['alice', 'bob', 'carol', 'frank', 'dave', 'erin', 'grace']) {
    users[name] = await client.signUp(name);
  }
  orgId = await client.createOrg(users.alice!.token, 'Conference');
  otherOrgId = await client.createOrg(users.dave!.token, 'Other');
  for (const name of ['bob', 'carol', 'frank', 'grace']) {
    await client.addMember(users.alice!.token, orgId, users[name]!, 'member');
  }
  // grace belongs to both organizations and acts in the first.
  await client.addMember(users.dave!.token, otherOrgId, users.grace!, 'member');
  await client.setActiveOrg(users.grace!.token, orgId);

  const event = (id: string, org: string) => ({
    id,
    title: `Event ${id}`,
    starts_at: '2030-01-01T10:00:00Z',
    organization_id: org,
  });
  await client.seed('events', event('evt_1', orgId));
  await client.seed('events', event('evt_2', orgId));
  await client.seed('events', event('evt_b', otherOrgId));

  const attend = (id: string, eventId: string, user: string, role: string, org: string) =>
    client.seed('event_attendees', {
      id,
      event_id: eventId,
      user_id: users[user]!.userId,
      role,
      organization_id: org,
    });
  await attend('att_1', 'evt_1', 'bob', 'attendee', orgId);
  await attend('att_2', 'evt_1', 'carol', 'speaker', orgId);
  await attend('att_3', 'evt_1', 'frank', 'attendee', orgId);
  await attend('att_4', 'evt_2', 'frank', 'attendee', orgId);
  await attend('att_5', 'evt_b', 'dave', 'attendee', otherOrgId);
  // Written in the other organization, naming an event of this one: it must not count.
  await attend('att_6', 'evt_1', 'grace', 'attendee', otherOrgId);
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.close()));
  await app?.stop();
});

const ticketFor = (name: string, body?: unknown) =>
  app.client.requestTicket(users[name]!.token, body);

describe('relationship tickets', () => {
  it("mint a ticket for the event's scope lane to an attendee", async () => {
    const reply = await ticketFor('bob', { eventId: 'evt_1' });

    expect(reply.status).toBe(200);
    const payload = readTicket(reply.body.wsTicket);
    expect(payload.lane).toEqual({ kind: 'scope', id: 'events:evt_1' });
    expect(payload.uid).toBe(users.bob!.userId);
    expect(payload.org).toBe(orgId);
    expect(payload.roles).toEqual(['member']);
  });

  it('need the request field as a non-empty string', async () => {
    const message = 'the JSON body must carry eventId as a non-empty string';
    for (const body of [undefined, {}, { eventId: 42 }, { eventId: '' }, ['evt_1']]) {
      const reply = await ticketFor('bob', body);
      expect([reply.status, reply.body]).toEqual([400, { error: message }]);
    }
  });

  it('answer 404 alike for a missing event and for an event of another organization', async () => {
    const missing = await ticketFor('bob', { eventId: 'evt_nope' });
    const elsewhere = await ticketFor('bob', { eventId: 'evt_b' });
    // dave attends an event of his own organization, not evt_1.
    const outsider = await ticketFor('dave', { eventId: 'evt_1' });

    for (const reply of [missing, elsewhere, outsider]) {
      expect([reply.status, reply.body]).toEqual([404, { error: 'not found' }]);
    }
  });

  it('refuse members without the attendee role in this organization with 403', async () => {
    const reason = { error: 'requires the attendee role for this resource' };
    for (const name of ['carol', 'alice', 'grace']) {
      const reply = await ticketFor(name, { eventId: 'evt_1' });
      expect([reply.status, reply.body]).toEqual([403, reason]);
    }
  });

  it('refuse callers without a session or without an active organization', async () => {
    const anonymous = await app.client.requestTicket(null, { eventId: 'evt_1' });
    const orgless = await ticketFor('erin', { eventId: 'evt_1' });

    expect([anonymous.status, anonymous.body]).toEqual([401, { error: 'unauthorized' }]);
    expect([orgless.status, orgless.body]).toEqual([403, { error: 'no active organization' }]);
  });
});

describe('scope lane delivery', () => {
  it("reaches the event's attendees and nobody on other lanes", async () => {
    const open = async (name: string, eventId: string) => {
      const ticket = await app.client.mintTicket(users[name]!.token, { eventId });
      const socket = await openSocket(app.server.url, ticket);
      sockets.push(socket);
      return socket;
    };
    const bob = await open('bob', 'evt_1');
    const frank = await open('frank', 'evt_1');
    const frankOther = await open('frank', 'evt_2');

    const payload = { userId: users.bob!.userId, text: 'hello room' };
    const sent = await app.client.callHelper(
      'message',
      [payload, { scopeKey: 'events:evt_1' }],
      'room',
    );
    expect(sent).toMatchObject({ ok: true, recipients: 2 });

    const expected = { type: 'broadcast', event: 'room:message', payload };
    for (const socket of [bob, frank]) {
      expect(await socket.waitFor((m) => m?.event === 'room:message')).toEqual(expected);
    }

    // The organization lane and another event's lane are different Broadcasters.
    await app.client.callHelper('broadcast', ['org-wide', {}, orgId]);
    await app.client.callHelper('broadcast', ['end', {}, { scopeKey: 'events:evt_1' }]);
    await app.client.callHelper('broadcast', ['end', {}, { scopeKey: 'events:evt_2' }]);
    for (const socket of [bob, frank, frankOther]) {
      await socket.expectNothingUntil((m) => m?.event === 'end');
    }
  });
});

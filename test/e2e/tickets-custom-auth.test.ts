// `auth.provider: custom`: the generated routes call the user's own session function, and the
// tickets carry whatever it returns (checked for shape first).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openSocket, readTicket, startExample, type RunningProject } from '../support/index.ts';

const MANIFEST = fileURLToPath(new URL('./fixtures/custom-auth/quickback.yaml', import.meta.url));

let app: RunningProject;

beforeAll(async () => {
  app = await startExample('custom-auth', { manifest: MANIFEST });
});

afterAll(async () => {
  await app?.stop();
});

function ticketAs(headers: Record<string, string>) {
  return app.client.request('POST', '/broadcast/v1/ws-ticket', { headers });
}

describe('custom auth provider', () => {
  it('builds without Better Auth: no auth migration, no /api/auth routes', async () => {
    const migrations = fs.readdirSync(path.join(app.project.dir, 'migrations'));
    expect(migrations.some((name) => name.startsWith('0000_'))).toBe(false);

    const reply = await app.client.request('POST', '/api/auth/sign-up/email', { body: {} });
    expect(reply.status).toBe(404);
  });

  it("mints tickets from the custom session's user, organization and roles", async () => {
    const headers = { 'x-test-user': 'u1', 'x-test-org': 'org1', 'x-test-roles': 'editor,viewer' };
    const reply = await ticketAs(headers);

    expect(reply.status).toBe(200);
    const payload = readTicket(reply.body.wsTicket);
    expect(payload).toMatchObject({
      lane: { kind: 'org', id: 'org1' },
      uid: 'u1',
      org: 'org1',
      roles: ['editor', 'viewer'],
    });
  });

  it('gives a user-lane ticket without an organization, and 401 without a session', async () => {
    const orgless = await ticketAs({ 'x-test-user': 'u2', 'x-test-roles': 'editor' });
    expect(readTicket(orgless.body.wsTicket)).toMatchObject({
      lane: { kind: 'user', id: 'u2' },
      org: null,
      roles: [],
    });

    const none = await ticketAs({});
    expect([none.status, none.body]).toEqual([401, { error: 'unauthorized' }]);
  });

  it('answers 500 naming the function when it returns a wrongly shaped session', async () => {
    const reply = await ticketAs({ 'x-test-user': 'broken' });

    expect(reply.status).toBe(500);
    expect(reply.body.error).toMatch(
      /^the custom auth function getSession of .* returned no userId/,
    );
  });

  it('delivers table events to sockets holding the required role', async () => {
    const open = async (user: string, roles: string) => {
      const headers = { 'x-test-user': user, 'x-test-org': 'org1', 'x-test-roles': roles };
      return openSocket(app.server.url, (await ticketAs(headers)).body.wsTicket);
    };
    const editor = await open('ed', 'editor');
    const viewer = await open('vi', 'viewer');

    const note = { id: 'n1', body: 'hi', organizationId: 'org1' };
    await app.client.callHelper('insert', ['notes', note, 'org1']);
    expect((await editor.waitFor((m) => m?.table === 'notes')).new).toEqual(note);

    await app.client.callHelper('broadcast', ['end', {}, 'org1']);
    await viewer.expectNothingUntil((m) => m?.event === 'end');
    await Promise.all([editor.close(), viewer.close()]);
  });
});

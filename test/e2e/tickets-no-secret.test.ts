// A project started without BETTER_AUTH_SECRET: every route that authenticates stops with one
// clear 500 that says how to set it, logs it once, and no ticket or socket is ever made.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connect, craftTicket, startExample, type RunningProject } from '../support/index.ts';

let app: RunningProject;

beforeAll(async () => {
  app = await startExample('minimal', { secret: null, testRoutes: false });
});

afterAll(async () => {
  await app?.stop();
});

const MESSAGE_START = 'BETTER_AUTH_SECRET is not set:';

async function logLines(): Promise<number> {
  // The Worker's console output reaches wrangler's stdout shortly after the response.
  let count = 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    count = app.server.logs().split(`[quickback] ${MESSAGE_START}`).length - 1;
    if (count > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return count;
}

describe('missing BETTER_AUTH_SECRET', () => {
  it('answers ws-ticket, Better Auth and CRUD routes with the same clear 500', async () => {
    const replies = [
      await app.client.requestTicket(null),
      await app.client.requestTicket('any-token'),
      await app.client.request('POST', '/api/auth/sign-up/email', {
        body: { email: 'a@example.test', password: 'long-enough-password', name: 'a' },
      }),
      await app.client.request('GET', '/api/v1/todos', { token: 'any-token' }),
    ];

    for (const reply of replies) {
      expect(reply.status).toBe(500);
      expect(reply.body.error.startsWith(MESSAGE_START)).toBe(true);
      expect(reply.body.error).toContain('.dev.vars');
      expect(reply.body.error).toContain('wrangler secret put BETTER_AUTH_SECRET');
      expect(reply.body).not.toHaveProperty('wsTicket');
    }
  });

  it('opens no socket, whatever the ticket', async () => {
    const claims = { lane: { kind: 'org' as const, id: 'o' }, uid: 'u', org: 'o', roles: [] };
    const connection = await connect(app.server.url, craftTicket('guessed-secret', claims));

    expect(connection.kind).toBe('refused');
    if (connection.kind === 'refused') {
      expect(connection.status).toBe(500);
      expect(connection.body.error.startsWith(MESSAGE_START)).toBe(true);
    }
  });

  it('logs the problem once, not once per request', async () => {
    expect(await logLines()).toBe(1);
  });
});

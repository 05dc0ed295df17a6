// What the CRUD routes answer before and around the database, inside workerd with a real local
// D1: body size limits, D1's own size limit, other database failures, JSON-only bodies and
// cookie-borne writes from other sites. Every answer is JSON, never Hono's plain-text 500.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sendDeclaredBody } from '../support/oversized-request.ts';
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
  table('notes', [id(), column('body', 'text'), column('userId', 'text', { required: true })], {
    firewall: [{ field: 'userId', equals: 'ctx.userId' }],
    realtime: quiet,
  }),
  // Dropped by a test, so its queries fail inside D1.
  table('doomed', [id(), column('title', 'text')], { realtime: quiet }),
]);

const alice: Caller = { user: 'alice' };
const MiB = 1024 * 1024;

let worker: CrudWorker;
beforeAll(async () => {
  worker = await startCrudWorker(model, {
    vars: {
      BETTER_AUTH_URL: 'https://api.example.test/base',
      BETTER_AUTH_TRUSTED_ORIGINS: 'https://app.example.test, https://admin.example.test/',
    },
  });
});
afterAll(async () => {
  await worker?.dispose();
});

describe('body size', () => {
  it('answers 413 JSON for a body over 1 MiB, declared or streamed', async () => {
    const tooBig = { status: 413, body: { error: 'request body too large (limit 1 MiB)' } };
    const body = JSON.stringify({ body: 'x'.repeat(MiB) });
    const reply = await worker.request('POST', '/api/v1/notes', alice, body);
    expect({ status: reply.status, body: reply.body }).toEqual(tooBig);

    const declared = await sendDeclaredBody(worker.url, {
      method: 'PATCH',
      path: '/api/v1/notes/n1',
      declaredBytes: 20 * MiB,
      headers: { 'content-type': 'application/json', 'x-user': 'alice' },
    });
    expect(declared).toEqual(tooBig);

    // No Content-Length: the limit counts the bytes as they arrive.
    const chunks = [new Uint8Array(MiB).fill(32), new TextEncoder().encode('{}')];
    const stream = new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await fetch(new URL('/api/v1/notes', worker.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'alice' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect({ status: streamed.status, body: await streamed.json() }).toEqual(tooBig);
    expect(await worker.sql('SELECT count(*) AS n FROM notes')).toEqual([{ n: 0 }]);
  });

  it("maps D1's value size limit to 413 JSON when a larger body is allowed", async () => {
    const reply = await worker.request('POST', '/roomy/v1/notes', alice, {
      body: 'x'.repeat(3 * MiB),
    });
    expect([reply.status, reply.body]).toEqual([
      413,
      { error: 'a value is too large for the database' },
    ]);

    const small = await worker.request('POST', '/roomy/v1/notes', alice, { body: 'fits' });
    expect(small.status).toBe(201);
  });
});

describe('database failures', () => {
  it('answers JSON 500 "database error" for a failure that is nobody\'s input', async () => {
    await worker.sql('DROP TABLE doomed');
    for (const [method, url, body] of [
      ['GET', '/api/v1/doomed', undefined],
      ['GET', '/api/v1/doomed/d1', undefined],
      ['POST', '/api/v1/doomed', { title: 't' }],
    ] as const) {
      const reply = await worker.request(method, url, alice, body);
      expect([method, url, reply.status, reply.body]).toEqual([
        method,
        url,
        500,
        { error: 'database error' },
      ]);
    }
  });

  it('answers JSON 500 when the session cannot be looked up', async () => {
    const reply = await worker.request('GET', '/api/v1/notes', { user: 'unreachable' });
    expect([reply.status, reply.body]).toEqual([500, { error: 'session lookup failed' }]);
  });
});

describe('request shape', () => {
  it('answers 415 for a write body that is not declared as JSON', async () => {
    const body = JSON.stringify({ body: 'plain' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const reply = await worker.request('POST', '/api/v1/notes', alice, body, {
        'content-type': type,
      });
      expect([type, reply.status, reply.body]).toEqual([
        type,
        415,
        { error: 'the body must be sent with content-type: application/json' },
      ]);
    }

    const withCharset = await worker.request('POST', '/api/v1/notes', alice, body, {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(withCharset.status).toBe(201);
  });
});

describe('cross-site requests', () => {
  const cookie = { cookie: 'session=abc' };
  const refused = [403, { error: 'cross-origin request refused' }];

  it('refuses a cookie-borne write from another origin or with no Origin', async () => {
    for (const origin of ['http://evil.example', 'null', undefined]) {
      const headers: Record<string, string> = { ...cookie, 'content-type': 'text/plain' };
      if (origin !== undefined) headers.origin = origin;
      for (const [method, url] of [
        ['POST', '/api/v1/notes'],
        ['PATCH', '/api/v1/notes/n1'],
        ['DELETE', '/api/v1/notes/n1'],
      ]) {
        const reply = await worker.request(method!, url!, alice, '{"body":"x"}', headers);
        expect([origin, method, reply.status, reply.body]).toEqual([origin, method, ...refused]);
      }
    }
    expect(await worker.sql("SELECT count(*) AS n FROM notes WHERE body = 'x'")).toEqual([
      { n: 0 },
    ]);
  });

  it('lets same-origin, bearer and cookie-less requests through, and reads freely', async () => {
    const sameOrigin = await worker.request(
      'POST',
      '/api/v1/notes',
      alice,
      { body: 'a' },
      {
        ...cookie,
        origin: new URL(worker.url).origin,
      },
    );
    expect(sameOrigin.status).toBe(201);

    for (const origin of [
      'https://api.example.test',
      'https://app.example.test',
      'https://admin.example.test',
    ]) {
      const trusted = await worker.request(
        'POST',
        '/api/v1/notes',
        alice,
        { body: origin },
        {
          ...cookie,
          origin,
        },
      );
      expect([origin, trusted.status]).toEqual([origin, 201]);
    }

    const bearer = await worker.request(
      'POST',
      '/api/v1/notes',
      alice,
      { body: 'b' },
      {
        ...cookie,
        origin: 'http://evil.example',
        authorization: 'Bearer token',
      },
    );
    expect(bearer.status).toBe(201);

    const noCookie = await worker.request('POST', '/api/v1/notes', alice, { body: 'c' });
    expect(noCookie.status).toBe(201);

    const read = await worker.request('GET', '/api/v1/notes', alice, undefined, {
      ...cookie,
      origin: 'http://evil.example',
    });
    expect(read.status).toBe(200);
  });
});

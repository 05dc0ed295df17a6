// The optional typed browser client (`output.client: true`), generated for the recruitment
// example and run against it under `wrangler dev`: it fetches a ticket with a bearer token,
// opens the socket, routes CRUD changes and namespace events to their handlers, and takes a
// fresh ticket when it reconnects.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';

import { startExample, type RunningProject, type TestUser } from '../support/index.ts';

let app: RunningProject;
let owner: TestUser;
let orgId: string;
let clientModule: any;

beforeAll(async () => {
  app = await startExample('recruitment');
  owner = await app.client.signUp('client-owner');
  orgId = await app.client.createOrg(owner.token, 'Client Co');

  const file = path.join(app.project.dir, 'src', 'client', 'realtime-client.ts');
  clientModule = await import(/* @vite-ignore */ pathToFileURL(file).href);
}, 240_000);

afterAll(async () => {
  await app?.stop();
});

function waitFor<T>(
  register: (resolve: (value: T) => void) => void,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
    register((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

it('delivers CRUD changes and namespace events to their handlers', async () => {
  const client = clientModule.createRealtimeClient({
    baseUrl: app.server.url,
    getToken: () => owner.token,
    WebSocket,
    reconnect: false,
  });
  await client.connect();

  const change = waitFor<any>((done) => client.onChange('jobs', done), 'a jobs change');
  const created = await app.client.request('POST', '/api/v1/jobs', {
    token: owner.token,
    body: { title: 'Platform engineer', remote: true },
  });
  expect(created.status).toBe(201);
  const event = await change;
  expect(event).toMatchObject({
    type: 'postgres_changes',
    table: 'jobs',
    eventType: 'INSERT',
    new: { id: created.body.data.id, title: 'Platform engineer', remote: true },
    old: null,
  });

  const started = waitFor<any>(
    (done) => client.onBroadcast('screening:started', done),
    'screening:started',
  );
  await app.client.callHelper('started', [{ applicationId: 'app_1' }, orgId], 'screening');
  expect(await started).toEqual({ applicationId: 'app_1' });

  client.close();
});

it('reconnects with a fresh ticket after the server closes the socket', async () => {
  const statuses: string[] = [];
  let opened: () => void = () => undefined;
  const client = clientModule.createRealtimeClient({
    baseUrl: app.server.url,
    getToken: () => owner.token,
    WebSocket,
    onStatus: (status: string) => {
      statuses.push(status);
      if (status === 'open') opened();
    },
  });
  await client.connect();

  // `disconnect` closes the user's sockets in the lane; the client must come back by itself.
  // Local workerd holds a server-closed connection open for about ten seconds before the
  // client sees the close, hence the generous wait.
  const reopened = waitFor<void>((done) => (opened = done), 'a second open', 40_000);
  const closed = await app.client.callHelper('disconnect', [
    { organizationId: orgId, userId: owner.userId },
  ]);
  expect(closed).toEqual({ ok: true, closed: 1 });
  await reopened;

  const change = waitFor<any>((done) => client.onChange('jobs', done), 'a change after reconnect');
  await app.client.request('POST', '/api/v1/jobs', { token: owner.token, body: { title: 'SRE' } });
  expect((await change).new.title).toBe('SRE');
  expect(statuses).toEqual(['connecting', 'open', 'connecting', 'open']);

  client.close();
}, 60_000);

it('rejects connect when the ticket is refused', async () => {
  const client = clientModule.createRealtimeClient({
    baseUrl: app.server.url,
    getToken: () => 'not-a-session',
    WebSocket,
    reconnect: false,
  });
  await expect(client.connect()).rejects.toThrow(/ws-ticket refused \(401\)/);
});

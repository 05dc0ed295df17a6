// An HTTP client for a running generated project: Better Auth sign-up and organizations (via
// its bearer plugin, the way a SPA or a script talks to it), tickets, and plain JSON calls.

import { randomBytes } from 'node:crypto';

export interface TestUser {
  email: string;
  userId: string;
  /** Bearer token from Better Auth's `set-auth-token` header. */
  token: string;
}

export interface JsonReply {
  status: number;
  headers: Headers;
  body: any;
}

const PASSWORD = 'correct-horse-battery-staple';

export class AppClient {
  constructor(readonly url: string) {}

  /** Any JSON request; `token` adds `Authorization: Bearer`. Non-JSON bodies come back as text. */
  async request(
    method: string,
    path: string,
    options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<JsonReply> {
    // Browsers send Origin on every POST, and Better Auth's CSRF check insists on it once a
    // request carries fetch metadata (Node's fetch sends `sec-fetch-mode: cors`).
    const headers: Record<string, string> = { origin: this.url, ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';

    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      // Left as text: the caller asserts on what the server really sent.
    }
    return { status: response.status, headers: response.headers, body };
  }

  private async expectOk(reply: JsonReply, what: string): Promise<any> {
    if (reply.status !== 200) {
      throw new Error(`${what} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    }
    return reply.body;
  }

  /** Signs up a new user (email made unique from `label`) and returns its bearer token. */
  async signUp(label: string): Promise<TestUser> {
    const email = `${label}-${randomBytes(4).toString('hex')}@example.test`;
    const body = { email, password: PASSWORD, name: label };
    const reply = await this.request('POST', '/api/auth/sign-up/email', { body });
    const data = await this.expectOk(reply, 'sign-up');

    const token = reply.headers.get('set-auth-token');
    if (!token) throw new Error('sign-up sent no set-auth-token header (bearer plugin missing?)');
    return { email, userId: data.user.id, token };
  }

  /** Creates an organization owned by `token`'s user, which becomes its active organization. */
  async createOrg(token: string, name = 'Org'): Promise<string> {
    const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const slug = `${base}-${randomBytes(4).toString('hex')}`;
    const reply = await this.request('POST', '/api/auth/organization/create', {
      token,
      body: { name, slug },
    });
    return (await this.expectOk(reply, 'organization create')).id;
  }

  /** Invites `member` with `role` (one or several) and accepts as them. */
  async addMember(
    ownerToken: string,
    organizationId: string,
    member: TestUser,
    role: string | string[],
  ): Promise<void> {
    const invite = await this.inviteMember(ownerToken, organizationId, member.email, role);
    const invitation = await this.expectOk(invite, 'invitation');

    const accept = await this.request('POST', '/api/auth/organization/accept-invitation', {
      token: member.token,
      body: { invitationId: invitation.id },
    });
    await this.expectOk(accept, 'accept invitation');
  }

  /** The raw invitation call, for tests of refused roles. */
  inviteMember(
    ownerToken: string,
    organizationId: string,
    email: string,
    role: string | string[],
  ): Promise<JsonReply> {
    return this.request('POST', '/api/auth/organization/invite-member', {
      token: ownerToken,
      body: { email, role, organizationId },
    });
  }

  async setActiveOrg(token: string, organizationId: string | null): Promise<void> {
    const reply = await this.request('POST', '/api/auth/organization/set-active', {
      token,
      body: { organizationId },
    });
    await this.expectOk(reply, 'set active organization');
  }

  /** POST /broadcast/v1/ws-ticket as it is answered (status and JSON body). */
  requestTicket(token: string | null, body?: unknown): Promise<JsonReply> {
    return this.request('POST', '/broadcast/v1/ws-ticket', { token, body });
  }

  /**
   * Calls the generated `createRealtime(env)` helper inside the Worker (needs the test routes,
   * see test-routes.ts): `callHelper('insert', ['applications', row, orgId])`, or with a
   * namespace `callHelper('started', [payload, orgId], 'screening')`. Returns its result.
   */
  async callHelper(method: string, args: unknown[], namespace?: string): Promise<any> {
    const reply = await this.request('POST', '/test/realtime', {
      body: { method, args, namespace },
    });
    return this.expectOk(reply, `realtime.${namespace ? `${namespace}.` : ''}${method}`);
  }

  /** Inserts a row (SQL column names) through the test routes. */
  async seed(table: string, row: Record<string, unknown>): Promise<void> {
    await this.expectOk(await this.request('POST', '/test/seed', { body: { table, row } }), 'seed');
  }

  /** A fresh ws ticket, or an error when the route refuses. */
  async mintTicket(token: string, body?: unknown): Promise<string> {
    const reply = await this.requestTicket(token, body);
    return (await this.expectOk(reply, 'ws-ticket')).wsTicket;
  }
}

// POST /broadcast/v1/ws-ticket: turns a signed-in session into a 60-second WebSocket ticket.
//
// The ticket's lane is decided here, never by the client: the scope lane of a resource the
// caller is related to (resource tickets), else the caller's active organization, else the
// caller's own user lane.

import type { Context } from 'hono';

import { mintTicket } from '../realtime/ticket';
import { MAX_ID_LENGTH, MAX_ROLES } from '../realtime/ticket-payload';
import type { Lane, SocketClaims } from '../realtime/types';
import { AuthConfigError, configErrorResponse } from './auth-config-error';
import { readAuthSecret } from './auth-secret';
import { hasNonJsonBody, JSON_CONTENT_REQUIRED } from './request-guards';
import { checkResourceAccess, type ResourceTicketConfig } from './resource-access';
import { resolveSession, type AppEnv, type SessionContext, type SessionResolver } from './session';

export interface WsTicketConfig {
  resolveSession: SessionResolver;
  /** Relationship-checked resource tickets, or null for organization/user tickets. */
  resourceTicket: ResourceTicketConfig | null;
}

type Refusal = { status: 400 | 403 | 404 | 415; error: string };

const NO_STORE = { 'cache-control': 'no-store' };

function ticketRoles(roles: string[]): string[] {
  // The ticket format bounds role count and length; longer names cannot come from the manifest.
  const usable = roles.filter((role) => role.length > 0 && role.length <= MAX_ID_LENGTH);
  return [...new Set(usable)].slice(0, MAX_ROLES);
}

async function readResourceId(
  c: Context<AppEnv>,
  field: string,
  maxLength: number,
): Promise<string | Refusal> {
  if (hasNonJsonBody(c.req.raw)) return { status: 415, error: JSON_CONTENT_REQUIRED };

  const body: unknown = await c.req.json().catch(() => undefined);
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : null;

  if (typeof value !== 'string' || value.length === 0) {
    return { status: 400, error: `the JSON body must carry ${field} as a non-empty string` };
  }
  if (value.length > maxLength) return { status: 400, error: `${field} is too long` };
  return value;
}

async function resourceLane(
  c: Context<AppEnv>,
  config: ResourceTicketConfig,
  session: SessionContext,
): Promise<Lane | Refusal> {
  // The scope key `<table>:<id>` must fit the ticket's id limit.
  const maxLength = MAX_ID_LENGTH - config.scope.table.length - 1;
  const resourceId = await readResourceId(c, config.requestField, maxLength);
  if (typeof resourceId !== 'string') return resourceId;
  if (session.activeOrgId === null) return { status: 403, error: 'no active organization' };

  const database = c.env[config.databaseBinding] as D1Database | undefined;
  if (!database) {
    throw new AuthConfigError(`the D1 binding ${config.databaseBinding} is missing`);
  }

  const access = await checkResourceAccess(config, database, {
    resourceId,
    organizationId: session.activeOrgId,
    userId: session.userId,
  });
  // A resource of another organization answers exactly like a missing one.
  if (access === 'not found') return { status: 404, error: 'not found' };
  if (access === 'missing role') {
    return { status: 403, error: `requires the ${config.role} role for this resource` };
  }

  return { kind: 'scope', id: `${config.scope.table}:${resourceId}` };
}

function plainLane(session: SessionContext): Lane {
  return session.activeOrgId === null
    ? { kind: 'user', id: session.userId }
    : { kind: 'org', id: session.activeOrgId };
}

async function issue(c: Context<AppEnv>, config: WsTicketConfig): Promise<Response> {
  const secret = readAuthSecret(c.env);

  const session = await resolveSession(config.resolveSession, c.req.raw, c.env);
  if (session instanceof Response) return session;
  if (!session) return c.json({ error: 'unauthorized' }, 401);

  const lane = config.resourceTicket
    ? await resourceLane(c, config.resourceTicket, session)
    : plainLane(session);
  if ('error' in lane) return c.json({ error: lane.error }, lane.status, NO_STORE);

  const claims: SocketClaims = {
    uid: session.userId,
    org: session.activeOrgId,
    roles: session.activeOrgId === null ? [] : ticketRoles(session.roles),
    lane,
  };
  const { wsTicket, expiresAt } = await mintTicket(secret, claims);
  return c.json({ wsTicket, expiresAt }, 200, NO_STORE);
}

export function wsTicketHandler(config: WsTicketConfig) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    try {
      return await issue(c, config);
    } catch (error) {
      if (error instanceof AuthConfigError) return configErrorResponse(error);

      // A failing D1 read of the relation table, say: logged, and answered as JSON like the rest.
      console.error('[quickback] ws-ticket failed', error);
      return c.json({ error: 'internal error' }, 500, NO_STORE);
    }
  };
}

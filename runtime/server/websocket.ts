// GET /broadcast/v1/websocket?ws_ticket=...: the WebSocket upgrade.
//
// The ticket is verified here, in the Worker, before any socket exists: a bad one costs a
// signature check and a 401, never a Durable Object wake-up or a socket. Single use cannot be
// decided statelessly, so a valid ticket is forwarded to its lane's Broadcaster, which records
// the ticket id and refuses a second use (also when two upgrades race).

import type { Context } from 'hono';

import { laneName } from '../realtime/lanes';
import { CONNECT_HEADER, CONNECT_URL, encodeGrant } from '../realtime/protocol';
import { verifyTicket } from '../realtime/ticket';
import { AuthConfigError, configErrorResponse } from './auth-config-error';
import { readAuthSecret } from './auth-secret';
import type { AppEnv } from './session';

// Credentials of the page are not the Broadcaster's business; the ticket is.
const DROPPED_HEADERS = ['cookie', 'authorization', CONNECT_HEADER];

function refuse(error: string, status: 401 | 426): Response {
  return Response.json({ error }, { status, headers: { 'cache-control': 'no-store' } });
}

async function upgrade(c: Context<AppEnv>): Promise<Response> {
  const secret = readAuthSecret(c.env);

  // Checked first so a plain GET never spends a ticket.
  if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
    return refuse('expected a websocket upgrade', 426);
  }

  const tickets = new URL(c.req.url).searchParams.getAll('ws_ticket');
  if (tickets.length > 1) return refuse('malformed ticket', 401);

  const check = await verifyTicket(secret, tickets[0]);
  if (!check.ok) return refuse(check.reason, 401);

  const headers = new Headers(c.req.raw.headers);
  for (const name of DROPPED_HEADERS) headers.delete(name);
  headers.set(
    CONNECT_HEADER,
    encodeGrant({ claims: check.claims, jti: check.jti, exp: check.exp }),
  );

  const namespace = c.env.BROADCASTER;
  const stub = namespace.get(namespace.idFromName(laneName(check.claims.lane)));
  try {
    return await stub.fetch(new Request(CONNECT_URL, { method: 'GET', headers }));
  } catch (error) {
    // An overloaded or resetting object: the client may retry with a fresh ticket.
    console.error('[quickback] broadcaster connect failed', error);
    return Response.json({ error: 'broadcaster unavailable' }, { status: 503 });
  }
}

export function websocketHandler() {
  return async (c: Context<AppEnv>): Promise<Response> => {
    try {
      return await upgrade(c);
    } catch (error) {
      if (error instanceof AuthConfigError) return configErrorResponse(error);
      throw error;
    }
  };
}

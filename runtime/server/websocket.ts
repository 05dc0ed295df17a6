// GET /broadcast/v1/websocket?ws_ticket=...: the WebSocket upgrade.
//
// The ticket is checked and the upgrade handed to its lane by connectWithTicket (shared with
// anyone wiring the runtime by hand); this route adds the secret and the query parameter.

import type { Context } from 'hono';

import { connectWithTicket } from '../realtime/connect';
import { AuthConfigError, configErrorResponse } from './auth-config-error';
import { readAuthSecret } from './auth-secret';
import type { AppEnv } from './session';

async function upgrade(c: Context<AppEnv>): Promise<Response> {
  const secret = readAuthSecret(c.env);

  // Two `ws_ticket` parameters would leave which one counts to the parser: refuse both.
  const tickets = new URL(c.req.url).searchParams.getAll('ws_ticket');
  if (tickets.length > 1) {
    return Response.json(
      { error: 'malformed ticket' },
      { status: 401, headers: { 'cache-control': 'no-store' } },
    );
  }
  return connectWithTicket(c.env.BROADCASTER, secret, c.req.raw, tickets[0]);
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

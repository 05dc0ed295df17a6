// Worker side of a WebSocket upgrade: verify the ticket, then hand the upgrade to the lane's
// Broadcaster. Verification happens here, before any socket exists, so a bad ticket costs
// one HMAC and never wakes a Durable Object. Single use cannot be decided statelessly, so the
// Broadcaster records the ticket id and refuses a second use (also when two upgrades race).

import { laneName } from './lanes';
import { CONNECT_HEADER, CONNECT_URL, encodeGrant, jsonResponse } from './protocol';
import { verifyTicket } from './ticket';

function refuse(error: string, status: number): Response {
  const response = jsonResponse({ error }, status);
  response.headers.set('cache-control', 'no-store');
  return response;
}

export async function connectWithTicket(
  broadcaster: DurableObjectNamespace,
  secret: string,
  request: Request,
  ticket: string | null | undefined,
  nowMs: number = Date.now(),
): Promise<Response> {
  // Checked first so a plain GET never spends a ticket.
  if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
    return refuse('expected a websocket upgrade', 426);
  }

  const check = await verifyTicket(secret, ticket, nowMs);
  if (!check.ok) return refuse(check.reason, 401);

  // The lane comes from the signed ticket, never from the URL: a client cannot pick a lane.
  const { claims, jti, exp } = check;
  const stub = broadcaster.get(broadcaster.idFromName(laneName(claims.lane)));

  // Forward the handshake headers, minus the page's credentials (the ticket is the only
  // credential the Broadcaster needs); our grant replaces any copy the client sent.
  const headers = new Headers(request.headers);
  for (const name of ['cookie', 'authorization']) headers.delete(name);
  headers.set(CONNECT_HEADER, encodeGrant({ claims, jti, exp }));
  try {
    return await stub.fetch(CONNECT_URL, { method: 'GET', headers });
  } catch (error) {
    // An overloaded or resetting object: the client may retry with a fresh ticket.
    console.error('[quickback] broadcaster connect failed', error);
    return jsonResponse({ error: 'broadcaster unavailable' }, 503);
  }
}

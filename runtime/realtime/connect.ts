// Worker side of a WebSocket upgrade: verify the ticket, then hand the upgrade to the lane's
// Broadcaster. Verification happens here, before any socket exists, so a bad ticket costs
// one HMAC and never wakes a Durable Object.

import { laneName } from './lanes';
import { CONNECT_HEADER, CONNECT_URL, encodeGrant, jsonResponse } from './protocol';
import { verifyTicket } from './ticket';

export async function connectWithTicket(
  broadcaster: DurableObjectNamespace,
  secret: string,
  request: Request,
  ticket: string | null | undefined,
  nowMs: number = Date.now(),
): Promise<Response> {
  if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
    return jsonResponse({ error: 'expected a websocket upgrade' }, 426);
  }

  const check = await verifyTicket(secret, ticket, nowMs);
  if (!check.ok) return jsonResponse({ error: check.reason }, 401);

  // The lane comes from the signed ticket, never from the URL: a client cannot pick a lane.
  const { claims, jti, exp } = check;
  const stub = broadcaster.get(broadcaster.idFromName(laneName(claims.lane)));

  // Forward the handshake headers, minus the page's credentials (the ticket is the only
  // credential the Broadcaster needs); our grant replaces any copy the client sent.
  const headers = new Headers(request.headers);
  for (const name of ['cookie', 'authorization']) headers.delete(name);
  headers.set(CONNECT_HEADER, encodeGrant({ claims, jti, exp }));
  return stub.fetch(CONNECT_URL, { method: 'GET', headers });
}

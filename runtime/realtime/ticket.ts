// Short-lived WebSocket tickets: `base64url(payload JSON) + "." + base64url(HMAC-SHA256)`.
//
// The ticket travels in a URL (`?ws_ticket=`), because browsers cannot set headers on a
// WebSocket upgrade; hence unpadded base64url and a 60 s life. Verification is pure
// computation (no lookup), so the Worker can refuse a bad upgrade before any socket exists.
// Single use is not decided here: the lane's Broadcaster records the jti (see broadcaster.ts).

import { decodeBase64Url, encodeBase64Url } from './base64url';
import { isClaims, isTicketPayload, type TicketPayload } from './ticket-payload';
import type { SocketClaims } from './types';

export const TICKET_LIFETIME_MS = 60_000;

/**
 * Clocks of the minting and verifying isolates may disagree a little (they can run in
 * different data centres). A ticket is accepted up to this much before its `iat` and after
 * its `exp`, so its worst-case usable window is 70 s.
 */
export const CLOCK_SKEW_MS = 5_000;

/** Longer strings are refused before any decoding or hashing work. */
export const MAX_TICKET_LENGTH = 4_096;

export type TicketFailure =
  | 'missing ticket'
  | 'malformed ticket'
  | 'bad signature'
  | 'expired ticket'
  | 'ticket not yet valid';

export type TicketCheck =
  | { ok: true; claims: SocketClaims; jti: string; exp: number }
  | { ok: false; reason: TicketFailure };

export interface MintedTicket {
  wsTicket: string;
  /** ISO 8601 expiry, for clients deciding when to fetch a new ticket. */
  expiresAt: string;
  jti: string;
}

const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();
const KEY_CACHE_LIMIT = 8;

// importKey is comparatively slow; an isolate serves many requests with the same secret.
// The cache is bounded so a rotating secret cannot grow it without limit.
function hmacKey(secret: string): Promise<CryptoKey> {
  const cached = keyCache.get(secret);
  if (cached) return cached;

  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  const key = crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  keyCache.set(secret, key);
  return key;
}

function newJti(): string {
  return encodeBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

function requireSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new TypeError('quickback realtime: the ticket secret is empty; set BETTER_AUTH_SECRET');
  }
}

export async function mintTicket(
  secret: string,
  claims: SocketClaims,
  nowMs: number = Date.now(),
): Promise<MintedTicket> {
  requireSecret(secret);
  if (!isClaims(claims)) throw new TypeError('quickback realtime: invalid ticket claims');

  const jti = newJti();
  const exp = nowMs + TICKET_LIFETIME_MS;
  const payload: TicketPayload = {
    v: 1,
    lane: { kind: claims.lane.kind, id: claims.lane.id },
    uid: claims.uid,
    org: claims.org,
    roles: [...claims.roles],
    jti,
    iat: nowMs,
    exp,
  };

  const body = encodeBase64Url(encoder.encode(JSON.stringify(payload)));
  const key = await hmacKey(secret);
  const signature = await crypto.subtle.sign('HMAC', key, encoder.encode(body));
  const wsTicket = `${body}.${encodeBase64Url(new Uint8Array(signature))}`;

  return { wsTicket, expiresAt: new Date(exp).toISOString(), jti };
}

function parsePayload(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

export async function verifyTicket(
  secret: string,
  ticket: string | null | undefined,
  nowMs: number = Date.now(),
): Promise<TicketCheck> {
  requireSecret(secret);
  if (ticket === null || ticket === undefined || ticket === '') {
    return { ok: false, reason: 'missing ticket' };
  }

  if (typeof ticket !== 'string' || ticket.length > MAX_TICKET_LENGTH) {
    return { ok: false, reason: 'malformed ticket' };
  }

  const parts = ticket.split('.');
  if (parts.length !== 2) return { ok: false, reason: 'malformed ticket' };

  const [body = '', sig = ''] = parts;
  const payloadBytes = decodeBase64Url(body);
  const signature = decodeBase64Url(sig);
  if (!payloadBytes || payloadBytes.length === 0 || !signature || signature.length !== 32) {
    return { ok: false, reason: 'malformed ticket' };
  }

  // subtle.verify compares in constant time; a string compare of signatures would leak timing.
  const key = await hmacKey(secret);
  if (!(await crypto.subtle.verify('HMAC', key, signature, encoder.encode(body)))) {
    return { ok: false, reason: 'bad signature' };
  }

  const payload = parsePayload(payloadBytes);
  if (!isTicketPayload(payload, TICKET_LIFETIME_MS)) {
    return { ok: false, reason: 'malformed ticket' };
  }

  if (payload.iat > nowMs + CLOCK_SKEW_MS) return { ok: false, reason: 'ticket not yet valid' };
  if (nowMs >= payload.exp + CLOCK_SKEW_MS) return { ok: false, reason: 'expired ticket' };

  const claims: SocketClaims = {
    uid: payload.uid,
    org: payload.org,
    roles: payload.roles,
    lane: payload.lane,
  };
  return { ok: true, claims, jti: payload.jti, exp: payload.exp };
}

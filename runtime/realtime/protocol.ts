// The private HTTP contract between the Worker and a lane's Broadcaster. Only code holding the
// BROADCASTER binding can reach these URLs: a Durable Object has no public address, so the
// Broadcaster may trust what the Worker sends (the Worker verified the ticket first).

import type { SocketClaims } from './types';

// The host is a placeholder: stub.fetch routes by stub, never by DNS.
export const CONNECT_URL = 'https://quickback-broadcaster/connect';
export const PUBLISH_URL = 'https://quickback-broadcaster/publish';
export const DISCONNECT_URL = 'https://quickback-broadcaster/disconnect';

/** Header carrying the verified ticket from the Worker to the Broadcaster on upgrade. */
export const CONNECT_HEADER = 'x-quickback-connect';

export interface ConnectGrant {
  claims: SocketClaims;
  jti: string;
  /** The ticket's expiry (ms since the epoch); also orders the used-ticket records. */
  exp: number;
}

// Header values must be ByteStrings (no code point above 0xFF), but ids may be any Unicode;
// percent-encoding the JSON keeps every claim intact.
export function encodeGrant(grant: ConnectGrant): string {
  return encodeURIComponent(JSON.stringify(grant));
}

export function decodeGrant(header: string | null): unknown {
  if (header === null) return undefined;
  try {
    return JSON.parse(decodeURIComponent(header));
  } catch {
    return undefined;
  }
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

// Builds ws tickets in the test process, independently of the runtime's code, from the
// documented format: base64url(payload JSON) "." base64url(HMAC-SHA256(secret, first part)),
// unpadded. Tests use it for tickets the server would never mint (expired, other secrets).

import { createHmac, randomBytes } from 'node:crypto';

export interface TicketClaims {
  lane: { kind: 'scope' | 'org' | 'user'; id: string };
  uid: string;
  org: string | null;
  roles: string[];
}

export const TICKET_LIFETIME_MS = 60_000;

export function craftTicket(
  secret: string,
  claims: TicketClaims,
  issuedAtMs: number = Date.now(),
  lifetimeMs: number = TICKET_LIFETIME_MS,
): string {
  const payload = {
    v: 1,
    lane: claims.lane,
    uid: claims.uid,
    org: claims.org,
    roles: claims.roles,
    jti: randomBytes(16).toString('base64url'),
    iat: issuedAtMs,
    exp: issuedAtMs + lifetimeMs,
  };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = createHmac('sha256', secret).update(body).digest('base64url');
  return `${body}.${signature}`;
}

/** The payload of a ticket, decoded without checking anything. */
export function readTicket(ticket: string): Record<string, any> {
  const [body = ''] = ticket.split('.');
  return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
}

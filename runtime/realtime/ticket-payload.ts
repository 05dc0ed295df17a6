// The signed part of a ws ticket, and its field-by-field check. Anything that is not exactly
// this shape is "malformed": a verifier must never throw on attacker-chosen JSON.

import type { Lane, LaneKind, SocketClaims } from './types';

export interface TicketPayload {
  v: 1;
  lane: Lane;
  uid: string;
  org: string | null;
  roles: string[];
  jti: string;
  /** Issued at, milliseconds since the epoch. */
  iat: number;
  /** Expires at, milliseconds since the epoch. */
  exp: number;
}

const PAYLOAD_KEYS = ['v', 'lane', 'uid', 'org', 'roles', 'jti', 'iat', 'exp'];
const LANE_KINDS: readonly LaneKind[] = ['scope', 'org', 'user'];
const JTI_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** Bounds that keep a ticket small enough for a URL and a socket attachment. */
export const MAX_ID_LENGTH = 512;
export const MAX_ROLES = 32;

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExactKeys(value: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(value, key));
}

export function isLane(value: unknown): value is Lane {
  if (!isPlainObject(value) || !hasExactKeys(value, ['kind', 'id'])) return false;

  return LANE_KINDS.includes(value.kind as LaneKind) && isId(value.id);
}

export function isClaims(value: unknown): value is SocketClaims {
  if (!isPlainObject(value)) return false;

  const { uid, org, roles, lane } = value;
  const rolesOk =
    Array.isArray(roles) && roles.length <= MAX_ROLES && roles.every((role) => isId(role));

  return isId(uid) && (org === null || isId(org)) && rolesOk && isLane(lane);
}

export function isTicketPayload(value: unknown, maxLifetimeMs: number): value is TicketPayload {
  if (!isPlainObject(value) || !hasExactKeys(value, PAYLOAD_KEYS)) return false;
  if (value.v !== 1 || !isClaims(value)) return false;

  const { jti, iat, exp } = value;
  if (typeof jti !== 'string' || !JTI_PATTERN.test(jti)) return false;
  if (!Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) return false;

  // A ticket living longer than this verifier allows was not minted by a compatible issuer.
  const life = (exp as number) - (iat as number);
  return life > 0 && life <= maxLifetimeMs;
}

// Socket claims kept in the WebSocket attachment, the only per-socket state that survives
// hibernation: when the Broadcaster is evicted and later woken by a message or a publish,
// its fields and maps are gone, but each socket's attachment is restored with it.
//
// serializeAttachment refuses values whose structured-clone form exceeds 2,048 bytes. The
// claims are stored as one JSON string, whose clone size is easy to bound: one byte per
// UTF-16 unit when every unit is <= 0xFF, two otherwise, plus a small header. Claims that do
// not fit are refused at upgrade (and can be refused when minting, with `attachmentFits`)
// rather than trimmed, because dropping a role would silently change what a user receives.

import { isClaims } from './ticket-payload';
import type { SocketClaims } from './types';

export const MAX_ATTACHMENT_BYTES = 2_048;

// Room for the clone format's version, type tag and length prefix, with a margin.
const CLONE_OVERHEAD_BYTES = 16;

export function encodeAttachment(claims: SocketClaims): string {
  const { uid, org, roles, lane } = claims;
  return JSON.stringify({ uid, org, roles, lane: { kind: lane.kind, id: lane.id } });
}

function cloneSize(text: string): number {
  const oneByte = /^[\u0000-\u00ff]*$/.test(text);
  return (oneByte ? text.length : text.length * 2) + CLONE_OVERHEAD_BYTES;
}

export function attachmentFits(claims: SocketClaims): boolean {
  return cloneSize(encodeAttachment(claims)) <= MAX_ATTACHMENT_BYTES;
}

// deserializeAttachment clones the value on every call; a publish to a thousand sockets would
// parse a thousand JSON texts each time. The cache lives only while the object is awake.
const parsed = new WeakMap<WebSocket, SocketClaims | null>();

/** The socket's claims, or null for a socket without valid ones (never delivered to). */
export function readClaims(ws: WebSocket): SocketClaims | null {
  const cached = parsed.get(ws);
  if (cached !== undefined) return cached;

  let claims: SocketClaims | null = null;
  try {
    const raw: unknown = ws.deserializeAttachment();
    const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : null;
    claims = isClaims(value) ? value : null;
  } catch {
    claims = null;
  }
  parsed.set(ws, claims);
  return claims;
}

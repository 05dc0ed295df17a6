// Who receives an envelope in this lane. Tags find the candidates cheaply; the attachment of
// each candidate decides. A socket found through two tags (two matching roles) is kept once.

import { readClaims } from './attachment';
import { UNTAGGED_ROLES_TAG, roleTag, userTag } from './tags';
import type { RecipientFilter, SocketClaims } from './types';

export interface Recipient {
  ws: WebSocket;
  claims: SocketClaims;
}

function holdsOneOf(claims: SocketClaims, roles: string[] | null): boolean {
  return roles === null || roles.some((role) => claims.roles.includes(role));
}

export function passesFilter(claims: SocketClaims, filter: RecipientFilter): boolean {
  if (filter.userId !== null && claims.uid !== filter.userId) return false;

  return holdsOneOf(claims, filter.requiredRoles) && holdsOneOf(claims, filter.targetRoles);
}

async function candidates(
  state: DurableObjectState,
  filter: RecipientFilter,
): Promise<WebSocket[]> {
  if (filter.userId !== null) return state.getWebSockets(await userTag(filter.userId));

  // Both role lists must pass, so the sockets of either list are a superset; take the shorter.
  const lists = [filter.targetRoles, filter.requiredRoles].filter((l): l is string[] => l !== null);
  if (lists.length === 0) return state.getWebSockets();

  const roles = lists.reduce((a, b) => (b.length < a.length ? b : a));
  const found = new Set<WebSocket>(state.getWebSockets(UNTAGGED_ROLES_TAG));
  for (const role of new Set(roles)) {
    const tag = roleTag(role);
    if (tag === null) continue;
    for (const ws of state.getWebSockets(tag)) found.add(ws);
  }
  return [...found];
}

export async function selectRecipients(
  state: DurableObjectState,
  filter: RecipientFilter,
): Promise<Recipient[]> {
  const recipients: Recipient[] = [];
  for (const ws of new Set(await candidates(state, filter))) {
    // A socket we already closed (or that is closing) stays listed until its close completes.
    if (ws.readyState !== WebSocket.OPEN) continue;

    const claims = readClaims(ws);
    if (claims !== null && passesFilter(claims, filter)) recipients.push({ ws, claims });
  }
  return recipients;
}

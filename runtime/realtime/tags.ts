// Hibernation tags: `acceptWebSocket(ws, tags)` indexes sockets so a targeted publish asks
// `getWebSockets(tag)` instead of reading every socket's attachment. The platform allows at
// most 10 tags per socket, each at most 256 characters.
//
// Tags only narrow the search; every candidate is still checked against its attachment, so a
// hash collision or a shared tag can never deliver to a socket the filter rejects.

import type { SocketClaims } from './types';

const MAX_TAG_LENGTH = 256;
const MAX_ROLE_TAGS = 8;

/** Sockets with a role that has no tag of its own (too many roles, or a very long name). */
export const UNTAGGED_ROLES_TAG = 'r*';

const encoder = new TextEncoder();

// Length is measured in UTF-8 bytes, which is never less than the character count.
function fits(tag: string): boolean {
  return encoder.encode(tag).byteLength <= MAX_TAG_LENGTH;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `u:<uid>`, or `uh:<sha-256 of uid>` when that would be too long (distinct prefixes). */
export async function userTag(uid: string): Promise<string> {
  const plain = `u:${uid}`;
  return fits(plain) ? plain : `uh:${await sha256Hex(uid)}`;
}

export function roleTag(role: string): string | null {
  const tag = `r:${role}`;
  return fits(tag) ? tag : null;
}

/** One user tag, up to 8 role tags, and the untagged-roles marker when needed: <= 10. */
export async function socketTags(claims: SocketClaims): Promise<string[]> {
  const tags = [await userTag(claims.uid)];

  const roleTags = [...new Set(claims.roles)].map(roleTag);
  const tagged = roleTags.filter((tag): tag is string => tag !== null).slice(0, MAX_ROLE_TAGS);
  tags.push(...tagged);
  if (tagged.length < roleTags.length) tags.push(UNTAGGED_ROLES_TAG);

  return tags;
}

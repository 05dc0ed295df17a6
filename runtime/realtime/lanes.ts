// Which Broadcaster instance a target names.
//
// A lane's name is `JSON.stringify([kind, id])`, and the instance is `idFromName(name)`.
// That name cannot be forged: JSON escapes every `"` and `\` inside the id, so the text of
// the id can never close its string early, and the kind sits in a separate array slot that
// the id's text cannot reach. `["org","events:1"]` and `["scope","events:1"]` differ in the
// kind slot; an id holding `","` or `]` only becomes longer escaped text inside its own slot.
// Naming lanes by the raw id would let an organization called `events:42` share the lane of
// the scope key `events:42`, and so read that scope's events.

import type { Lane, Target } from './types';

function requireId(value: unknown, key: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.length > 0) return value;

  // An explicit but empty key must not silently fall through to a wider lane.
  throw new TypeError(`quickback realtime: target.${key} must be a non-empty string`);
}

/** The scope lane when `scopeKey` is given, else the organization lane, else the user lane. */
export function laneFor(target: Target): Lane {
  if (typeof target === 'string') {
    const id = requireId(target, 'organizationId (string shorthand)');
    return { kind: 'org', id: id as string };
  }
  if (typeof target !== 'object' || target === null) {
    throw new TypeError('quickback realtime: target must be an organization id or an object');
  }

  const scopeKey = requireId(target.scopeKey, 'scopeKey');
  const organizationId = requireId(target.organizationId, 'organizationId');
  const userId = requireId(target.userId, 'userId');
  if (scopeKey !== undefined) return { kind: 'scope', id: scopeKey };
  if (organizationId !== undefined) return { kind: 'org', id: organizationId };
  if (userId !== undefined) return { kind: 'user', id: userId };

  throw new TypeError(
    'quickback realtime: target needs at least one of scopeKey, organizationId, userId',
  );
}

export function laneName(lane: Lane): string {
  return JSON.stringify([lane.kind, lane.id]);
}

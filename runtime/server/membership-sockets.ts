// Membership changes close the member's organization sockets.
//
// A socket keeps the roles its ticket carried, so a member who is removed, leaves, or gets other
// roles would go on receiving the organization's events as before. Once Better Auth has written
// the change, these hooks close that user's sockets in the organization lane with code 4001; the
// client fetches a new ticket, which carries the new claims (or no organization at all).
//
// Better Auth 1.4 runs organization hooks after removing a member and after changing a role,
// but none when a member leaves; a plugin after-hook on that endpoint covers it.

import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';

import { createRealtimeCore, type RealtimeEnv } from '../realtime/publish';

interface MemberRef {
  organizationId: string;
  userId: string;
}

const LEAVE_PATH = '/organization/leave';

function isMemberRef(value: unknown): value is MemberRef {
  if (typeof value !== 'object' || value === null) return false;
  const { organizationId, userId } = value as Record<string, unknown>;
  return typeof organizationId === 'string' && typeof userId === 'string';
}

const logger = {
  error: (message: string, detail?: unknown) =>
    console.error(`[quickback] membership changed, sockets left open: ${message}`, detail ?? ''),
};

/**
 * Closes the user's sockets in the organization lane. Never throws: the membership change has
 * already been written, and a socket left open is logged rather than failing it.
 */
export async function closeMemberSockets(env: object, member: MemberRef): Promise<void> {
  try {
    // Closing sockets needs no table configs: only publishing events does. `disconnect`
    // reports its own failures to the logger.
    const realtime = createRealtimeCore(env as RealtimeEnv, {}, { logger });
    await realtime.disconnect({ organizationId: member.organizationId, userId: member.userId });
  } catch (error) {
    logger.error('could not reach the Broadcaster', error);
  }
}

/** `organizationHooks` entries for the organization plugin. */
export function membershipSocketHooks(env: object) {
  return {
    afterRemoveMember: async (data: { member: MemberRef }) => closeMemberSockets(env, data.member),
    afterUpdateMemberRole: async (data: { member: MemberRef }) =>
      closeMemberSockets(env, data.member),
  };
}

/** A plugin closing the sockets of a member who left (`POST /organization/leave`). */
export function leaveClosesSockets(env: object): BetterAuthPlugin {
  return {
    id: 'quickback-leave-closes-sockets',
    hooks: {
      after: [
        {
          matcher: (context) => context.path === LEAVE_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            // The endpoint answers with the deleted member row; a refusal is an APIError.
            const returned: unknown = ctx.context.returned;
            if (isMemberRef(returned)) await closeMemberSockets(env, returned);
          }),
        },
      ],
    },
  };
}

// The hooks that close a member's organization sockets after a membership change: which lane
// they reach, and that a Broadcaster failure is logged without failing the change.

import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  closeMemberSockets,
  leaveClosesSockets,
  membershipSocketHooks,
} from '../../../runtime/server/membership-sockets';

interface Call {
  lane: string;
  url: string;
  body: unknown;
}

/** A BROADCASTER binding recording each request; `answer` decides the reply. */
function fakeBroadcaster(answer: () => Promise<Response>) {
  const calls: Call[] = [];
  const namespace = {
    idFromName: (name: string) => name,
    get: (lane: string) => ({
      fetch: async (url: string, init: RequestInit) => {
        calls.push({ lane, url, body: JSON.parse(String(init.body)) });
        return answer();
      },
    }),
  };
  return { env: { BROADCASTER: namespace }, calls };
}

const member = { id: 'mem_1', organizationId: 'org_1', userId: 'user_1', role: 'member' };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('closeMemberSockets', () => {
  it("asks the organization lane's Broadcaster to close the user's sockets", async () => {
    const { env, calls } = fakeBroadcaster(async () => Response.json({ closed: 2 }));

    await closeMemberSockets(env, member);

    expect(calls).toEqual([
      {
        lane: JSON.stringify(['org', 'org_1']),
        url: 'https://quickback-broadcaster/disconnect',
        body: { userId: 'user_1' },
      },
    ]);
  });

  it('logs and resolves when the Broadcaster fails or is missing', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = fakeBroadcaster(async () => {
      throw new Error('overloaded');
    });

    await expect(closeMemberSockets(failing.env, member)).resolves.toBeUndefined();
    await expect(closeMemberSockets({}, member)).resolves.toBeUndefined();

    expect(log).toHaveBeenCalledTimes(2);
    expect(String(log.mock.calls[0]?.[0])).toContain('membership changed, sockets left open');
    expect(String(log.mock.calls[0]?.[0])).toContain('overloaded');
  });
});

describe('the Better Auth hooks', () => {
  it('close sockets after a removal and after a role change', async () => {
    const { env, calls } = fakeBroadcaster(async () => Response.json({ closed: 1 }));
    const hooks = membershipSocketHooks(env);

    await hooks.afterRemoveMember({ member });
    await hooks.afterUpdateMemberRole({ member: { ...member, userId: 'user_2' } });

    expect(calls.map((call) => call.body)).toEqual([{ userId: 'user_1' }, { userId: 'user_2' }]);
  });

  it('watch exactly the leave endpoint', () => {
    const [hook] = leaveClosesSockets({}).hooks?.after ?? [];
    const matches = (path: string) => hook?.matcher({ path, context: {} as never });

    expect(matches('/organization/leave')).toBe(true);
    expect(matches('/organization/remove-member')).toBe(false);
  });
});

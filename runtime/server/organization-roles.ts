// The organization plugin's role table, built from the manifest's role vocabulary.
//
// Better Auth only lets an invitation name a role it knows, but it always knows its three
// defaults (owner, admin, member), and in 1.4 adding a member or changing a member's role checks
// no name at all. The guards below close both gaps, so the roles people are given and the roles
// the realtime rules name come from one list.

import { APIError } from 'better-auth/api';
import type { OrganizationOptions } from 'better-auth/plugins/organization';
import { adminAc, memberAc, ownerAc } from 'better-auth/plugins/organization/access';

/** The role Better Auth gives whoever creates an organization. */
export const CREATOR_ROLE = 'owner';

type RoleTable = NonNullable<OrganizationOptions['roles']>;

/**
 * Every grantable role with its organization-management permissions. The three defaults keep
 * Better Auth's own permissions; any other manifest role manages nothing, like `member`: its
 * meaning lives in the app's realtime and masking rules, not in organization administration.
 */
export function roleTable(roles: readonly string[]): RoleTable {
  // No prototype: a role called `constructor`, `toString` or `__proto__` must read as missing
  // here (and then become a real entry), not as something inherited from Object.prototype.
  const table: RoleTable = Object.create(null);
  Object.assign(table, { owner: ownerAc, admin: adminAc, member: memberAc });
  for (const role of roles) {
    if (!Object.hasOwn(table, role)) table[role] = memberAc;
  }
  return table;
}

/** Better Auth stores several roles of one member as a comma-separated list. */
export function splitRoles(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
  const roles = raw.split(',').map((role) => role.trim());
  return [...new Set(roles.filter((role) => role.length > 0))];
}

function assertGrantable(allowed: ReadonlySet<string>, value: unknown): void {
  const unknown = splitRoles(value).filter((role) => !allowed.has(role));
  if (unknown.length === 0) return;

  // Same wording as Better Auth's own invitation check, so clients see one error either way.
  throw new APIError('BAD_REQUEST', { message: `Role not found: ${unknown.join(', ')}` });
}

/** The organization plugin options: the role table and the vocabulary guards. */
export function organizationOptions(roles: readonly string[]) {
  const allowed = new Set([CREATOR_ROLE, ...roles]);

  return {
    roles: roleTable(roles),
    creatorRole: CREATOR_ROLE,
    organizationHooks: {
      beforeCreateInvitation: async (data: { invitation: { role: unknown } }) =>
        assertGrantable(allowed, data.invitation.role),
      beforeAddMember: async (data: { member: { role: unknown } }) =>
        assertGrantable(allowed, data.member.role),
      beforeUpdateMemberRole: async (data: { newRole: unknown }) =>
        assertGrantable(allowed, data.newRole),
    },
  } satisfies OrganizationOptions;
}

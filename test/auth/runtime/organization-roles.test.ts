// The organization plugin's role table: every manifest role becomes a real entry, whatever it
// is called, and the guards refuse roles outside the vocabulary.

import { describe, expect, it } from 'vitest';
import { memberAc, ownerAc } from 'better-auth/plugins/organization/access';

import { organizationOptions, roleTable } from '../../../runtime/server/organization-roles';

describe('roleTable', () => {
  it('registers roles named like Object.prototype members as their own entries', () => {
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'recruiter'];
    const table = roleTable(names);

    // Better Auth validates invitations against Object.keys of this table.
    expect(Object.keys(table)).toEqual(['owner', 'admin', 'member', ...names]);
    for (const name of names) {
      expect([name, Object.hasOwn(table, name)]).toEqual([name, true]);
      expect(table[name]).toBe(memberAc);
    }
  });

  it('keeps the permissions of the default roles', () => {
    expect(roleTable(['owner', 'member']).owner).toBe(ownerAc);
  });

  it('lets the guards accept such roles and refuse unknown ones', async () => {
    const hooks = organizationOptions(['constructor', 'member']).organizationHooks;

    await expect(hooks.beforeUpdateMemberRole({ newRole: 'constructor' })).resolves.toBeUndefined();
    await expect(hooks.beforeUpdateMemberRole({ newRole: 'toString' })).rejects.toThrow(
      'Role not found: toString',
    );
  });
});

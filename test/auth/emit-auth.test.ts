// `src/lib/auth.ts`: the role list Better Auth learns, and the import of a custom auth module.

import { describe, expect, it } from 'vitest';

import { AUTH_FILE, emitAuth } from '../../src/emit/auth/index.ts';
import { customModuleSpecifier } from '../../src/emit/auth/module-path.ts';
import { organizationRoles } from '../../src/emit/auth/roles.ts';
import { context, formatted, project, table } from './fixtures.ts';

const authSource = (model: ReturnType<typeof project>) => {
  const files = emitAuth(context(model));
  expect(files.map((file) => file.path)).toEqual([AUTH_FILE]);
  return formatted(files[0]);
};

describe('better-auth provider', () => {
  it("registers the manifest's roles, in manifest order", async () => {
    const source = await authSource(project());

    expect(source).toContain(
      "organizationRoles = ['owner', 'admin', 'recruiter', 'hiring-manager'] as const;",
    );
    expect(source).toContain("databaseBinding: 'DB'");
    expect(source).toContain('export const authHandler = betterAuthHandler(authSetup);');
    expect(source).toContain(
      'export const resolveSession: SessionResolver = betterAuthSessionResolver(authSetup);',
    );
  });

  it("keeps Better Auth's roles plus every role the rules name when there is no vocabulary", () => {
    const masked = table('candidates', ['phone', 'organizationId'], {
      masking: [{ field: 'phone', type: 'phone', showRoles: ['recruiter'], showOwner: false }],
      realtime: { ...table('x', []).realtime, requiredRoles: ['interviewer', 'member'] },
    });
    const model = project({ roles: null, tables: [masked] });

    expect(organizationRoles(model)).toEqual([
      'owner',
      'admin',
      'member',
      'interviewer',
      'recruiter',
    ]);
  });
});

describe('custom provider', () => {
  it('imports the named export relative to src/lib, without the .ts extension', async () => {
    const auth = { provider: 'custom' as const, module: './auth/session.ts', export: 'getSession' };
    const source = await authSource(project({ auth }));

    expect(source).toContain("import { getSession as customSession } from '../../auth/session';");
    expect(source).toContain('customSessionResolver(');
    expect(source).not.toContain('better-auth');
  });

  it('uses a default import for export: default, and reaches outside the output root', async () => {
    const auth = { provider: 'custom' as const, module: '../shared/auth.mts', export: 'default' };
    const source = await authSource(project({ auth }));

    expect(source).toContain("import customSession from '../../../shared/auth.mjs';");
  });

  it('does not depend on the working directory, however far up the module is', () => {
    expect(customModuleSpecifier('../../../../../../../x/auth.ts')).toBe(
      '../../../../../../../../../x/auth',
    );
  });
});

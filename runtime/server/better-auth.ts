// Better Auth on D1 for a Worker. Workers hand `env` to each request, so the auth instance is
// built per request from that env; building it is cheap (no I/O until an endpoint runs).
//
// Better Auth 1.4 has no native D1 adapter: it talks to D1 through Kysely, with the small
// dialect in d1-dialect.ts. Its tables come from the generated migration
// `migrations/0000_quickback_auth.sql`.

import { betterAuth } from 'better-auth';
import { bearer } from 'better-auth/plugins/bearer';
import { organization } from 'better-auth/plugins/organization';

import { AuthConfigError, configErrorResponse } from './auth-config-error';
import { D1Dialect } from './d1-dialect';
import { readAuthSecret } from './auth-secret';
import { leaveClosesSockets, membershipSocketHooks } from './membership-sockets';
import { organizationOptions, splitRoles } from './organization-roles';
import type { SessionContext, SessionResolver } from './session';

export interface BetterAuthSetup {
  /** Name of the D1 binding that holds the auth tables. */
  databaseBinding: string;
  /** The roles members may hold: the manifest's vocabulary. */
  roles: readonly string[];
}

// A Worker's typed Env is an interface, which does not fit an index signature; read by key.
type AuthEnv = object;

const read = (env: AuthEnv, key: string): unknown => (env as Record<string, unknown>)[key];

function readDatabase(env: AuthEnv, binding: string): D1Database {
  const database = read(env, binding) as D1Database | undefined;
  if (!database || typeof database.prepare !== 'function') {
    throw new AuthConfigError(
      `the D1 binding ${binding} is missing: declare it under d1_databases in the wrangler ` +
        'config (quickback build writes it)',
    );
  }

  return database;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function createBetterAuth(env: AuthEnv, setup: BetterAuthSetup) {
  const secret = readAuthSecret(env);
  const database = readDatabase(env, setup.databaseBinding);
  const trusted = optionalString(read(env, 'BETTER_AUTH_TRUSTED_ORIGINS'));
  const orgOptions = organizationOptions(setup.roles);
  const organizationHooks = { ...orgOptions.organizationHooks, ...membershipSocketHooks(env) };

  return betterAuth({
    secret,
    // Unset, Better Auth derives the base URL from each request; production should pin it.
    baseURL: optionalString(read(env, 'BETTER_AUTH_URL')),
    trustedOrigins: trusted ? trusted.split(',').map((origin) => origin.trim()) : undefined,
    database: { dialect: new D1Dialect(database), type: 'sqlite' },
    emailAndPassword: { enabled: true },
    telemetry: { enabled: false },
    plugins: [
      organization({ ...orgOptions, organizationHooks }),
      bearer(),
      leaveClosesSockets(env),
    ],
  });
}

export type BetterAuthInstance = ReturnType<typeof createBetterAuth>;

/** The member's roles in an organization, or null when the user is not (or no longer) in it. */
async function memberRoles(
  database: D1Database,
  organizationId: string,
  userId: string,
): Promise<string[] | null> {
  const row = await database
    .prepare('SELECT "role" FROM "member" WHERE "organizationId" = ?1 AND "userId" = ?2 LIMIT 1')
    .bind(organizationId, userId)
    .first<{ role: unknown }>();

  return row ? splitRoles(row.role) : null;
}

/**
 * Reads the session from the Better Auth cookie or `Authorization: Bearer` token. A session
 * whose active organization the user has left counts as having none: it gets no org roles.
 */
export function betterAuthSessionResolver(setup: BetterAuthSetup): SessionResolver {
  return async (request, env: AuthEnv): Promise<SessionContext | null> => {
    const auth = createBetterAuth(env, setup);
    const found = await auth.api.getSession({ headers: request.headers });
    if (!found) return null;

    const userId = found.user.id;
    const activeOrgId = optionalString(found.session.activeOrganizationId) ?? null;
    if (activeOrgId === null) return { userId, activeOrgId: null, roles: [] };

    const roles = await memberRoles(readDatabase(env, setup.databaseBinding), activeOrgId, userId);
    if (roles === null) return { userId, activeOrgId: null, roles: [] };
    return { userId, activeOrgId, roles };
  };
}

/** Serves Better Auth's own endpoints (mounted at `/api/auth/*`). */
export function betterAuthHandler(setup: BetterAuthSetup) {
  return async (request: Request, env: AuthEnv): Promise<Response> => {
    try {
      return await createBetterAuth(env, setup).handler(request);
    } catch (error) {
      if (error instanceof AuthConfigError) return configErrorResponse(error);
      throw error;
    }
  };
}

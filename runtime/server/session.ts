// The session contract every generated route reads. Auth adapters (Better Auth or the user's own
// module) turn a request into a SessionContext; routes never look at cookies or tokens directly.
// The generated `src/lib/auth.ts` always exports the project's resolver as `resolveSession`.

import type { MiddlewareHandler } from 'hono';

import { AuthConfigError, configErrorResponse } from './auth-config-error';
import { refuseCrossSite } from './request-guards';

export interface SessionContext {
  userId: string;
  /** The organization the user is acting in, or null when none is active. */
  activeOrgId: string | null;
  /** The user's roles in the active organization (empty without one). */
  roles: string[];
}

export type SessionResolver = (request: Request, env: any) => Promise<SessionContext | null>;

export type AppEnv = {
  Bindings: Record<string, unknown> & {
    BROADCASTER: DurableObjectNamespace;
    BETTER_AUTH_SECRET?: string;
  };
  Variables: { session: SessionContext };
};

/**
 * Resolves the session once per request and stores it as `c.get('session')`. Requests without
 * one stop here with 401, so handlers behind it can rely on a user being present. A resolver
 * that cannot work at all (say, BETTER_AUTH_SECRET unset) answers 500 with what to fix.
 */
export function requireSession(resolver: SessionResolver): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = await resolveSession(resolver, c.req.raw, c.env);
    if (session instanceof Response) return session;
    if (!session) return c.json({ error: 'unauthorized' }, 401);

    c.set('session', session);
    await next();
  };
}

/**
 * Runs a resolver, turning a failure into a JSON 500 (saying what to fix when it is a
 * configuration problem). A cookie-borne write from an untrusted origin is refused (403)
 * before the resolver runs: see request-guards.ts.
 */
export async function resolveSession(
  resolver: SessionResolver,
  request: Request,
  env: unknown,
): Promise<SessionContext | null | Response> {
  const crossSite = refuseCrossSite(request, env);
  if (crossSite) return crossSite;

  try {
    return await resolver(request, env);
  } catch (error) {
    if (error instanceof AuthConfigError) return configErrorResponse(error);

    // The auth tables could not be read, say: the operator needs the log, the client JSON.
    console.error('[quickback] session lookup failed', error);
    return Response.json({ error: 'session lookup failed' }, { status: 500 });
  }
}

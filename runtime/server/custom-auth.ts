// `auth.provider: custom`: the user's own function decides who is signed in. Its answer is
// checked here, because a wrong shape (a number id, roles as one string) would otherwise leak
// into tickets and role checks as something subtly different from what the user meant.

import { AuthConfigError } from './auth-config-error';
import type { SessionContext, SessionResolver } from './session';

export type CustomSessionFunction = (request: Request, env: any) => unknown;

const EXPECTED = 'expected null or { userId: string, activeOrgId: string | null, roles: string[] }';

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function toSession(value: unknown, name: string): SessionContext | null {
  if (value === null || value === undefined) return null;

  const fail = (what: string) =>
    new AuthConfigError(`the custom auth function ${name} returned ${what}; ${EXPECTED}`);
  if (typeof value !== 'object' || Array.isArray(value)) throw fail('a non-object');

  const { userId, activeOrgId, roles } = value as Record<string, unknown>;
  if (!isNonEmptyString(userId)) throw fail('no userId string');

  const org = activeOrgId ?? null;
  if (org !== null && !isNonEmptyString(org)) throw fail('an activeOrgId that is not a string');

  const list = roles ?? [];
  if (!Array.isArray(list) || !list.every(isNonEmptyString))
    throw fail('roles that are not strings');

  // Roles only mean something inside an organization.
  return { userId, activeOrgId: org, roles: org === null ? [] : [...new Set(list)] };
}

/** Wraps the user's `(request, env) => session | null` function as a SessionResolver. */
export function customSessionResolver(fn: CustomSessionFunction, name: string): SessionResolver {
  if (typeof fn !== 'function') {
    throw new AuthConfigError(`the custom auth export ${name} is not a function`);
  }

  return async (request, env) => toSession(await fn(request, env), name);
}

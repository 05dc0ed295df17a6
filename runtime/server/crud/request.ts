// Per-request plumbing shared by the handlers: the session, the database binding, the JSON
// body, and turning a CrudError into its response.

import type { Context } from 'hono';

import { hasNonJsonBody, JSON_CONTENT_REQUIRED } from '../request-guards';
import type { AppEnv, SessionContext } from '../session';
import type { CrudTableConfig } from './config';
import { CrudError, errorResponse } from './errors';

export type CrudContext = Context<AppEnv>;

export function sessionOf(c: CrudContext): SessionContext {
  // createCrudRouter installs requireSession in front of every route; should a handler ever
  // be mounted without it, a missing session means "not signed in", never "allowed".
  const session = c.get('session') as SessionContext | undefined;
  if (session === undefined) throw new CrudError(401, 'unauthorized');
  return session;
}

export function databaseOf(c: CrudContext, config: CrudTableConfig): D1Database {
  const db = c.env[config.binding] as D1Database | undefined;
  if (db === undefined || typeof db.batch !== 'function') {
    throw new CrudError(500, `the D1 binding ${config.binding} is missing from the Worker env`);
  }
  return db;
}

export async function jsonBody(c: CrudContext): Promise<unknown> {
  // A form or `text/plain` post is what another site can send without a CORS preflight.
  if (hasNonJsonBody(c.req.raw)) throw new CrudError(415, JSON_CONTENT_REQUIRED);

  try {
    return await c.req.json();
  } catch {
    throw new CrudError(400, 'the body must be valid JSON');
  }
}

/**
 * Runs a handler, answering a CrudError with `{ error }` and its status. Anything else is a
 * bug or an outage: it is logged and answered with a JSON 500, never Hono's plain-text page.
 */
export function handle(
  config: CrudTableConfig,
  run: (c: CrudContext) => Promise<Response>,
): (c: CrudContext) => Promise<Response> {
  return async (c) => {
    try {
      return await run(c);
    } catch (error) {
      const known =
        error instanceof CrudError ? error : new CrudError(500, 'internal error', error);

      // A 500 here is a deployment problem or a failing database: the operator needs the log.
      if (known.status === 500) {
        console.error(`[quickback crud] ${config.name}: ${known.message}`, known.detail ?? '');
      }
      return errorResponse(known);
    }
  };
}

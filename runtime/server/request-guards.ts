// Checks every state-changing route makes before it reads a session or a body.
//
// Cross-site requests: a browser attaches the session cookie to a form post or `fetch` from any
// site, and a `text/plain` body needs no CORS preflight. So a cookie-authenticated request that
// changes something must come from an origin this app trusts. A request carrying an
// `Authorization` header is exempt: no other site can make a browser add one without this
// Worker's CORS consent, which the generated routes never give.
//
// Body size: D1 refuses values over about 2 MB with an error, and a Worker holds a body in
// memory, so bodies are capped before anything reads them.

import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The default cap on request bodies of the CRUD and ws-ticket routes. */
export const MAX_BODY_BYTES = 1024 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sizeText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/** Answers 413 JSON for a body over `maxBytes`, declared or streamed. */
export function limitBody(maxBytes = MAX_BODY_BYTES): MiddlewareHandler {
  const error = `request body too large (limit ${sizeText(maxBytes)})`;
  return bodyLimit({ maxSize: maxBytes, onError: (c) => c.json({ error }, 413) });
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

function envString(env: unknown, key: string): string {
  const value = typeof env === 'object' && env !== null ? Reflect.get(env, key) : undefined;
  return typeof value === 'string' ? value : '';
}

/** The request's own origin, BETTER_AUTH_URL's, and each of BETTER_AUTH_TRUSTED_ORIGINS. */
function trustedOrigins(request: Request, env: unknown): Set<string> {
  const listed = [
    request.url,
    envString(env, 'BETTER_AUTH_URL'),
    ...envString(env, 'BETTER_AUTH_TRUSTED_ORIGINS').split(','),
  ];
  const origins = listed.map((entry) => originOf(entry.trim()));
  return new Set(origins.filter((origin): origin is string => origin !== null));
}

/**
 * A 403 for a state-changing request that rides on a cookie and does not come from a trusted
 * origin (a missing Origin header included), else null. Requests without a cookie carry no
 * ambient credential, so there is nothing to forge.
 */
export function refuseCrossSite(request: Request, env: unknown): Response | null {
  if (SAFE_METHODS.has(request.method)) return null;
  if (request.headers.has('authorization') || !request.headers.has('cookie')) return null;

  const origin = request.headers.get('origin');
  if (origin !== null && trustedOrigins(request, env).has(origin)) return null;
  return Response.json({ error: 'cross-origin request refused' }, { status: 403 });
}

/**
 * True when the request has a body that is not declared as JSON (`application/json`, any
 * parameters). An empty body is left to the route, which names the fields it needs.
 */
export function hasNonJsonBody(request: Request): boolean {
  if (request.body === null || request.headers.get('content-length') === '0') return false;

  const type = request.headers.get('content-type') ?? '';
  return type.split(';')[0]?.trim().toLowerCase() !== 'application/json';
}

export const JSON_CONTENT_REQUIRED = 'the body must be sent with content-type: application/json';

// A deployment mistake (a missing secret, a custom auth module returning the wrong shape) is not
// the caller's fault and must not look like a 401: routes answer 500 with the message, so the
// operator reading the response or the log learns what to fix.

export class AuthConfigError extends Error {
  override name = 'AuthConfigError';
}

const reported = new Set<string>();

/** The JSON error response for a configuration problem, logged once per isolate and message. */
export function configErrorResponse(error: AuthConfigError): Response {
  if (!reported.has(error.message)) {
    reported.add(error.message);
    console.error(`[quickback] ${error.message}`);
  }

  return Response.json({ error: error.message }, { status: 500 });
}

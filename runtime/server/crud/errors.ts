// Every refusal the CRUD routes make is a CrudError: an HTTP status and a message the client
// can act on. Handlers throw it; one wrapper turns it into `{ error }` JSON.

export class CrudError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 500,
    message: string,
    /** For a 500: what went wrong, for the log only (the client sees `message`). */
    readonly detail?: unknown,
  ) {
    super(message);
  }
}

export function errorResponse(error: CrudError, headers?: Record<string, string>): Response {
  return Response.json({ error: error.message }, { status: error.status, headers });
}

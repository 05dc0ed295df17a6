// The two ways the routes run a single statement against D1, and what a D1 failure means for
// the client.

import { CrudError } from './errors';
import type { Statement } from './sql';

export function prepare(db: D1Database, statement: Statement): D1PreparedStatement {
  return db.prepare(statement.sql).bind(...statement.params);
}

export async function all(
  db: D1Database,
  statement: Statement,
): Promise<Record<string, unknown>[]> {
  try {
    const result = await prepare(db, statement).all<Record<string, unknown>>();
    return result.results;
  } catch (error) {
    throw databaseError(error);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A D1 failure as a CrudError. Constraint failures and oversized values are the client's doing
 * (409, 400, 413); anything else is a 500 whose detail goes to the log, not to the client.
 */
export function databaseError(error: unknown): CrudError {
  const message = messageOf(error);
  if (/UNIQUE constraint failed|PRIMARY KEY/i.test(message)) {
    return new CrudError(409, 'a row with this primary key already exists');
  }

  const constraint = /(NOT NULL|CHECK|FOREIGN KEY) constraint failed[^:]*(?::\s*(\S+))?/i.exec(
    message,
  );
  if (constraint) {
    const where = constraint[2] === undefined ? '' : ` on ${constraint[2]}`;
    return new CrudError(
      400,
      `the database refused the write: ${constraint[1]} constraint${where}`,
    );
  }

  // SQLite's length limit (D1 allows about 2 MB per value or row).
  if (/SQLITE_TOOBIG|too big/i.test(message)) {
    return new CrudError(413, 'a value is too large for the database');
  }
  return new CrudError(500, 'database error', error);
}

// The two ways the routes run a single statement against D1.

import type { Statement } from './sql';

export function prepare(db: D1Database, statement: Statement): D1PreparedStatement {
  return db.prepare(statement.sql).bind(...statement.params);
}

export async function all(
  db: D1Database,
  statement: Statement,
): Promise<Record<string, unknown>[]> {
  const result = await prepare(db, statement).all<Record<string, unknown>>();
  return result.results;
}

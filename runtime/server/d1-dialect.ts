// A Kysely dialect over a D1 binding, which is how Better Auth 1.4 reaches D1: it has no
// native D1 adapter, but accepts any Kysely dialect. SQL text and parameters come from
// Kysely's SQLite compiler; D1 runs each statement on its own.
//
// D1 has no interactive transactions (a Worker cannot hold BEGIN open across awaits), so a
// transaction request fails loudly instead of silently running unprotected. Better Auth does
// not ask for one unless its config turns transactions on, which ours does not.

import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

const NO_TRANSACTIONS = 'D1 has no interactive transactions; use D1 batch() for atomic writes';

class D1Connection implements DatabaseConnection {
  constructor(private readonly database: D1Database) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.database
      .prepare(query.sql)
      .bind(...query.parameters)
      .all<R>();

    const kind = query.query.kind;
    const changes = BigInt(result.meta.changes ?? 0);
    return {
      rows: result.results ?? [],
      // Reads report no affected rows; writes report their count, zero included.
      numAffectedRows: kind === 'SelectQueryNode' ? undefined : changes,
      insertId: kind === 'InsertQueryNode' ? BigInt(result.meta.last_row_id ?? 0) : undefined,
    };
  }

  // D1 hands back whole result sets; there is nothing to stream.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('D1 does not stream query results');
  }
}

class D1Driver implements Driver {
  constructor(private readonly database: D1Database) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new D1Connection(this.database);
  }

  async beginTransaction(): Promise<void> {
    throw new Error(NO_TRANSACTIONS);
  }

  async commitTransaction(): Promise<void> {
    throw new Error(NO_TRANSACTIONS);
  }

  async rollbackTransaction(): Promise<void> {
    throw new Error(NO_TRANSACTIONS);
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}
}

export class D1Dialect implements Dialect {
  constructor(private readonly database: D1Database) {}

  createAdapter() {
    return new SqliteAdapter();
  }

  createDriver(): Driver {
    return new D1Driver(this.database);
  }

  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }

  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}

// Copied into e2e projects as `src/test-routes.ts` and mounted by their hand-written entry:
//   POST /test/realtime  calls the generated `createRealtime(env)` helper the way a user's
//                        handler would, so tests can publish any helper call over HTTP;
//   POST /test/seed      inserts a row with bound parameters, so tests set up data without
//                        depending on the CRUD routes they are not about.
// Neither may ship in a real app: they let any caller broadcast or write anything.

import type { Hono } from 'hono';

/** `{ method, args }` calls `realtime[method](...args)`; with `namespace`, a namespace event. */
interface HelperCall {
  namespace?: string;
  method: string;
  args: unknown[];
}

type AnyFunction = (...args: unknown[]) => Promise<unknown>;

const SQL_NAME = /^[a-z_][a-z0-9_]*$/;

function insertStatement(table: string, columns: string[]): string {
  const names = columns.map((column) => `"${column}"`).join(', ');
  const slots = columns.map((_, index) => `?${index + 1}`).join(', ');
  return `INSERT INTO "${table}" (${names}) VALUES (${slots})`;
}

export function mountTestRoutes(app: Hono<any>, createRealtime: (env: any) => object): void {
  app.post('/test/realtime', async (c) => {
    const call = (await c.req.json()) as HelperCall;
    const realtime = createRealtime(c.env) as Record<string, unknown>;
    const owner = (call.namespace ? realtime[call.namespace] : realtime) as Record<string, unknown>;
    const method = owner?.[call.method];
    if (typeof method !== 'function') return c.json({ error: `no helper ${call.method}` }, 400);

    const result = await (method as AnyFunction).apply(owner, call.args);
    return c.json(result ?? null);
  });

  app.post('/test/seed', async (c) => {
    const { table, row } = (await c.req.json()) as { table: string; row: Record<string, unknown> };
    const columns = Object.keys(row);
    if (![table, ...columns].every((name) => SQL_NAME.test(name))) {
      return c.json({ error: 'table and column names must be SQL names' }, 400);
    }

    const database = c.env.DB as D1DatabaseLike;
    await database
      .prepare(insertStatement(table, columns))
      .bind(...Object.values(row))
      .run();
    return c.json({ ok: true });
  });
}

/** The part of the D1 binding this file uses (workers-types are not loaded in test/). */
interface D1DatabaseLike {
  prepare(sql: string): { bind(...values: unknown[]): { run(): Promise<unknown> } };
}

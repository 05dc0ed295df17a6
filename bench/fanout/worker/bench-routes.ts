// Copied into the fan-out benchmark's project as `src/bench-routes.ts`, mounted by its
// hand-written entry. Local benchmarking only: these let any caller broadcast anything.
//   POST /bench/insert    a user's own handler calling the generated helper after a write; it
//                         returns the helper's result, which carries the Broadcaster's
//                         `{ recipients, serializations }`, so the bench can check both
//   *    /bench/raw/<lane>/...   forwarded to that lane's RawFanout (raw-fanout.ts)

import type { Hono } from 'hono';

interface InsertCall {
  table: string;
  record: Record<string, unknown>;
  organizationId: string;
}

type Insert = (table: string, record: unknown, target: string) => Promise<unknown>;

export function mountBenchRoutes(app: Hono<any>, createRealtime: (env: any) => object): void {
  app.post('/bench/insert', async (c) => {
    const call = (await c.req.json()) as InsertCall;
    const realtime = createRealtime(c.env) as { insert: Insert };
    return c.json(await realtime.insert(call.table, call.record, call.organizationId));
  });

  app.all('/bench/raw/:lane/*', (c) => {
    const namespace = c.env.RAW_FANOUT as DurableObjectNamespace;
    const stub = namespace.get(namespace.idFromName(c.req.param('lane')));
    return stub.fetch(c.req.raw);
  });
}

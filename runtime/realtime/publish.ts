// The untyped core of `createRealtime(env)`: the generated src/lib/realtime.ts wraps it with
// table, record and event types. Every call resolves once the lane's Broadcaster has
// accepted the event, and never rejects: a write that already committed must not fail
// because a notification could not be delivered, so problems come back as `{ ok: false }`
// and go to the logger.

import { broadcastEnvelope, recipientUser, tableEnvelope } from './envelope';
import { laneFor, laneName } from './lanes';
import { DISCONNECT_URL, PUBLISH_URL } from './protocol';
import type {
  DbRecord,
  Lane,
  PublishEnvelope,
  PublishOptions,
  PublishResponse,
  TableRuntimeConfig,
  Target,
  TargetObject,
} from './types';

export interface RealtimeLogger {
  error(message: string, detail?: unknown): void;
}

export interface RealtimeEnv {
  BROADCASTER: DurableObjectNamespace;
}

export type PublishResult =
  | { ok: true; skipped: false; recipients: number; serializations: number }
  | { ok: true; skipped: true; reason: string }
  | { ok: false; error: string };

export type DisconnectResult = { ok: true; closed: number } | { ok: false; error: string };

/** One helper call, as data, for `publishMany`. */
export type PublishRequest =
  | { op: 'insert'; table: string; record: DbRecord; target: Target; options?: PublishOptions }
  | {
      op: 'update';
      table: string;
      record: DbRecord;
      oldRecord: DbRecord;
      target: Target;
      options?: PublishOptions;
    }
  | { op: 'delete'; table: string; record: DbRecord; target: Target; options?: PublishOptions }
  | { op: 'broadcast'; event: string; payload: unknown; target: Target; options?: PublishOptions };

const consoleLogger: RealtimeLogger = {
  error: (message, detail) => console.error(`[quickback realtime] ${message}`, detail ?? ''),
};

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Prepared = { lane: Lane; envelope: PublishEnvelope } | PublishResult;

function prepare(tables: Record<string, TableRuntimeConfig>, request: PublishRequest): Prepared {
  const options = request.options ?? {};
  const lane = laneFor(request.target);
  const userId = recipientUser(request.target, options);
  if (userId instanceof Error) return { ok: false, error: userId.message };

  if (request.op === 'broadcast') {
    const payload = request.payload === undefined ? null : request.payload;
    return { lane, envelope: broadcastEnvelope(request.event, payload, userId, options) };
  }

  const table = Object.hasOwn(tables, request.table) ? tables[request.table] : undefined;
  if (table === undefined) return { ok: false, error: `unknown table "${request.table}"` };

  if (request.op === 'insert') {
    if (!table.onInsert) return { ok: true, skipped: true, reason: 'onInsert is false' };
    return {
      lane,
      envelope: tableEnvelope(table, 'INSERT', request.record, null, userId, options),
    };
  }
  if (request.op === 'update') {
    if (!table.onUpdate) return { ok: true, skipped: true, reason: 'onUpdate is false' };
    const { record, oldRecord } = request;
    return { lane, envelope: tableEnvelope(table, 'UPDATE', record, oldRecord, userId, options) };
  }
  if (!table.onDelete) return { ok: true, skipped: true, reason: 'onDelete is false' };
  return { lane, envelope: tableEnvelope(table, 'DELETE', null, request.record, userId, options) };
}

async function postToLane(
  env: RealtimeEnv,
  lane: Lane,
  url: string,
  body: unknown,
): Promise<unknown> {
  const stub = env.BROADCASTER.get(env.BROADCASTER.idFromName(laneName(lane)));
  const response = await stub.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`broadcaster answered ${response.status}`);
  return response.json();
}

export function createRealtimeCore(
  env: RealtimeEnv,
  tables: Record<string, TableRuntimeConfig>,
  opts: { logger?: RealtimeLogger } = {},
) {
  const logger = opts.logger ?? consoleLogger;

  function fail(what: string, error: unknown): { ok: false; error: string } {
    const message = describe(error);
    logger.error(`${what} failed: ${message}`, error);
    return { ok: false, error: message };
  }

  /** Sends every request, one POST per lane, and returns one result per request in order. */
  async function publishMany(requests: PublishRequest[]): Promise<PublishResult[]> {
    const results: PublishResult[] = new Array(requests.length);
    const lanes = new Map<string, { lane: Lane; indexes: number[]; events: PublishEnvelope[] }>();

    requests.forEach((request, index) => {
      let prepared: Prepared;
      try {
        prepared = prepare(tables, request);
      } catch (error) {
        results[index] = fail(`${request?.op} event`, error);
        return;
      }
      if ('ok' in prepared) {
        if (!prepared.ok) logger.error(`${request.op} event refused: ${prepared.error}`);
        results[index] = prepared;
        return;
      }

      const name = laneName(prepared.lane);
      const group = lanes.get(name) ?? { lane: prepared.lane, indexes: [], events: [] };
      group.indexes.push(index);
      group.events.push(prepared.envelope);
      lanes.set(name, group);
    });

    await Promise.all(
      [...lanes.values()].map(async ({ lane, indexes, events }) => {
        try {
          const body = events.length === 1 ? events[0] : { events };
          const answer = (await postToLane(env, lane, PUBLISH_URL, body)) as PublishResponse;
          indexes.forEach((requestIndex, position) => {
            const report = answer.results[position] ?? { recipients: 0, serializations: 0 };
            results[requestIndex] = { ok: true, skipped: false, ...report };
          });
        } catch (error) {
          const failure = fail(`publish to lane ${laneName(lane)}`, error);
          for (const requestIndex of indexes) results[requestIndex] = failure;
        }
      }),
    );
    return results;
  }

  async function publishOne(request: PublishRequest): Promise<PublishResult> {
    const [result] = await publishMany([request]);
    return result as PublishResult;
  }

  return {
    insert: (table: string, record: DbRecord, target: Target, options?: PublishOptions) =>
      publishOne({ op: 'insert', table, record, target, options }),

    update: (
      table: string,
      record: DbRecord,
      oldRecord: DbRecord,
      target: Target,
      options?: PublishOptions,
    ) => publishOne({ op: 'update', table, record, oldRecord, target, options }),

    delete: (table: string, keyRecord: DbRecord, target: Target, options?: PublishOptions) =>
      publishOne({ op: 'delete', table, record: keyRecord, target, options }),

    broadcast: (event: string, payload: unknown, target: Target, options?: PublishOptions) =>
      publishOne({ op: 'broadcast', event, payload, target, options }),

    /** Namespace events travel as broadcasts named `<namespace>:<event>`. */
    publishNamespace: (
      namespace: string,
      event: string,
      payload: unknown,
      target: Target,
      options?: PublishOptions,
    ) => publishOne({ op: 'broadcast', event: `${namespace}:${event}`, payload, target, options }),

    /** Closes the user's sockets in the target's lane (their next ticket has new claims). */
    async disconnect(target: TargetObject & { userId: string }): Promise<DisconnectResult> {
      try {
        const userId = typeof target === 'object' && target !== null ? target.userId : undefined;
        if (typeof userId !== 'string' || userId === '') {
          throw new TypeError('disconnect needs target.userId');
        }
        const answer = (await postToLane(env, laneFor(target), DISCONNECT_URL, { userId })) as {
          closed: number;
        };
        return { ok: true, closed: answer.closed };
      } catch (error) {
        return fail('disconnect', error);
      }
    },

    publishMany,
  };
}

export type RealtimeCore = ReturnType<typeof createRealtimeCore>;

// Runs write operations: read the rows they name, plan, and commit everything in one
// `DB.batch` (a single transaction: all or nothing). When a guard finds a row changed since it
// was read, nothing was written, so the whole thing is read and planned again, a few times at
// most, before the client is told to retry.

import type { CrudTableConfig } from './config';
import { all, databaseError, prepare } from './d1';
import { CrudError } from './errors';
import type { Operation } from './operations';
import { planWrites, referencedIds, type Plan, type PlanInput } from './plan';
import type { FirewallValues } from './scope';
import { GUARD_FAILURE, selectMany, type Statement } from './sql';
import { decodeRow, fromSql, type JsonRow, type SqlValue, type StoredRow } from './values';

const ATTEMPTS = 3;
// D1 binds at most 100 parameters per statement; the firewall takes a few of them.
const IDS_PER_READ = 80;

export interface WriteRequest {
  db: D1Database;
  config: CrudTableConfig;
  firewall: FirewallValues;
  sessionValues: StoredRow;
  operations: Operation[];
  batch: boolean;
}

/** What one committed operation did; `changed` is false for an update that changed nothing. */
export interface WriteOutcome {
  op: Operation['op'];
  new: JsonRow | null;
  old: JsonRow | null;
  changed: boolean;
}

export async function commitWrites(request: WriteRequest): Promise<WriteOutcome[]> {
  const ids = referencedIds(request.config, request.operations, request.batch);
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadRows(request, ids);
    const input: PlanInput = { ...request, loaded };
    const plan = planWrites(input, request.operations);

    const results = await runBatch(request.db, plan.statements);
    if (results !== 'conflict') return outcomes(request.config, plan, results);
    if (attempt === ATTEMPTS) {
      throw new CrudError(409, 'the row(s) kept changing while this write ran; try again');
    }
  }
}

async function loadRows(request: WriteRequest, ids: SqlValue[]): Promise<Map<SqlValue, StoredRow>> {
  const { db, config, firewall } = request;
  const unique = [...new Set(ids)];
  const loaded = new Map<SqlValue, StoredRow>();

  for (let start = 0; start < unique.length; start += IDS_PER_READ) {
    const chunk = unique.slice(start, start + IDS_PER_READ);
    const rows = await all(db, selectMany(config, firewall, chunk));
    for (const row of rows) {
      const stored = fromSql(config, row);
      loaded.set(stored[config.primaryKey] as SqlValue, stored);
    }
  }
  return loaded;
}

type BatchRows = Record<string, unknown>[][];

async function runBatch(db: D1Database, statements: Statement[]): Promise<BatchRows | 'conflict'> {
  if (statements.length === 0) return [];
  try {
    const results = await db.batch<Record<string, unknown>>(
      statements.map((statement) => prepare(db, statement)),
    );
    return results.map((result) => result.results ?? []);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes(GUARD_FAILURE)) return 'conflict';
    throw databaseError(error);
  }
}

function outcomes(config: CrudTableConfig, plan: Plan, results: BatchRows): WriteOutcome[] {
  const returned = (index: number): JsonRow => {
    const row = results[index]?.[0];
    if (row === undefined) throw new Error(`statement ${index} returned no row`);
    return decodeRow(config, fromSql(config, row));
  };

  return plan.steps.map((step): WriteOutcome => {
    if (step.op === 'create') {
      return { op: 'create', new: returned(step.statement), old: null, changed: true };
    }
    if (step.op === 'delete') {
      return { op: 'delete', new: null, old: returned(step.statement), changed: true };
    }
    const old = decodeRow(config, step.old);
    if (step.statement === null) return { op: 'update', new: old, old, changed: false };
    return { op: 'update', new: returned(step.statement), old, changed: true };
  });
}

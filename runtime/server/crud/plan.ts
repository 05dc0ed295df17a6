// Plans a list of write operations as one D1 batch. Operations run in order against a working
// copy of the rows they touch, so a batch may create a row and then update it; every problem
// found here (bad input, a missing row, a locked field) stops the request before anything is
// written. A row read from the database gets a guard statement before its first write, so the
// batch only commits if that row is still exactly what was read.

import type { CrudTableConfig } from './config';
import { CrudError } from './errors';
import { itemLabel, type Operation } from './operations';
import { lockedFields, type FirewallValues } from './scope';
import { guard, insert, remove, update, type Statement } from './sql';
import { completeCreate, readBody, readId } from './validate';
import { sameStoredValue, type SqlValue, type StoredRow } from './values';

/** One operation's part of the plan; `statement` indexes its RETURNING statement, if any. */
export type Step =
  | { op: 'create'; statement: number }
  | { op: 'update'; old: StoredRow; statement: number | null }
  | { op: 'delete'; old: StoredRow; statement: number };

export interface Plan {
  statements: Statement[];
  steps: Step[];
}

export interface PlanInput {
  config: CrudTableConfig;
  firewall: FirewallValues;
  /** What a create takes from the session. */
  sessionValues: StoredRow;
  /** Rows the operations name, as read (firewall-filtered), by primary key. */
  loaded: Map<SqlValue, StoredRow>;
  /** Messages get an `operations[i]: ` prefix when this is a batch. */
  batch: boolean;
}

/** Primary keys named by update and delete operations, in their stored form. */
export function referencedIds(config: CrudTableConfig, operations: Operation[], batch: boolean) {
  return operations.flatMap((operation, index) =>
    operation.op === 'create' ? [] : [readId(config, operation.id, label(batch, index))],
  );
}

const label = (batch: boolean, index: number) => itemLabel(batch ? index : null);

export function planWrites(input: PlanInput, operations: Operation[]): Plan {
  const { config, firewall } = input;
  const plan: Plan = { statements: [], steps: [] };
  // The working copy: a key maps to its current row, or to null once deleted in this batch.
  const rows = new Map<SqlValue, StoredRow | null>(input.loaded);
  const guarded = new Set<SqlValue>();

  const add = (statement: Statement) => plan.statements.push(statement) - 1;
  const guardOnce = (id: SqlValue) => {
    const read = input.loaded.get(id);
    if (read === undefined || guarded.has(id)) return;
    guarded.add(id);
    add(guard(config, firewall, id, read));
  };

  operations.forEach((operation, index) => {
    const where = label(input.batch, index);
    if (operation.op === 'create') {
      const values = readBody(config, operation.data, 'create', where);
      const row = completeCreate(config, values, input.sessionValues, where);
      const id = row[config.primaryKey];
      if (id !== undefined && rows.get(id)) {
        throw new CrudError(409, `${where}${config.primaryKey} ${String(id)} already exists`);
      }
      if (id !== undefined) rows.set(id, row);
      plan.steps.push({ op: 'create', statement: add(insert(config, row)) });
      return;
    }

    const id = readId(config, operation.id, where);
    const current = rows.get(id);
    if (!current) throw new CrudError(404, `${where}${config.name} ${String(id)} not found`);

    if (operation.op === 'delete') {
      guardOnce(id);
      rows.set(id, null);
      plan.steps.push({ op: 'delete', old: current, statement: add(remove(config, firewall, id)) });
      return;
    }

    const values = readBody(config, operation.data, 'update', where);
    const changes = changedValues(input, current, values, where);
    if (Object.keys(changes).length === 0) {
      plan.steps.push({ op: 'update', old: current, statement: null });
      return;
    }
    guardOnce(id);
    rows.set(id, { ...current, ...changes });
    plan.steps.push({
      op: 'update',
      old: current,
      statement: add(update(config, firewall, id, changes)),
    });
  });
  return plan;
}

/** The values that differ from the stored row; locked fields may be sent but not changed. */
function changedValues(
  input: PlanInput,
  current: StoredRow,
  values: StoredRow,
  where: string,
): StoredRow {
  const locked = lockedFields(input.config);
  const changes: StoredRow = {};
  for (const column of input.config.columns) {
    const value = values[column.name];
    if (value === undefined || sameStoredValue(column, value, current[column.name] ?? null)) {
      continue;
    }
    if (locked.includes(column.name)) {
      throw new CrudError(400, `${where}${column.name} cannot be changed`);
    }
    changes[column.name] = value;
  }
  return changes;
}

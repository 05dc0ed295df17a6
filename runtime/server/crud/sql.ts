// SQL text for the CRUD routes. Identifiers come from the compiler (never from requests) and are
// double-quoted; every value is a bound parameter. Reads and writes always carry the firewall
// condition, so a row outside the caller's reach behaves exactly like a missing one.

import type { CrudTableConfig } from './config';
import type { FirewallValues } from './scope';
import type { SqlValue, StoredRow } from './values';

export interface Statement {
  sql: string;
  params: SqlValue[];
}

/** The error text a failed guard raises; see `guard`. */
export const GUARD_FAILURE = 'malformed JSON';

export function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function sqlName(config: CrudTableConfig, field: string): string {
  const column = config.columns.find((item) => item.name === field);
  return quote(column ? column.sqlName : field);
}

function columnList(config: CrudTableConfig): string {
  return config.columns.map((column) => quote(column.sqlName)).join(', ');
}

/** `a = ? AND b IS NULL ...`; `=` rather than `IS` so SQLite can use the key's index. */
function conditions(config: CrudTableConfig, values: StoredRow): Statement {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  for (const [field, value] of Object.entries(values)) {
    if (value === null) {
      parts.push(`${sqlName(config, field)} IS NULL`);
    } else {
      parts.push(`${sqlName(config, field)} = ?`);
      params.push(value);
    }
  }
  return { sql: parts.length === 0 ? '1' : parts.join(' AND '), params };
}

function byId(config: CrudTableConfig, firewall: FirewallValues, id: SqlValue): Statement {
  return conditions(config, { [config.primaryKey]: id, ...firewall });
}

export function selectOne(
  config: CrudTableConfig,
  firewall: FirewallValues,
  id: SqlValue,
): Statement {
  const where = byId(config, firewall, id);
  return {
    sql: `SELECT ${columnList(config)} FROM ${quote(config.sqlName)} WHERE ${where.sql}`,
    params: where.params,
  };
}

/** One page in primary key order; `limit + 1` rows are asked for to learn whether more exist. */
export function selectPage(
  config: CrudTableConfig,
  firewall: FirewallValues,
  limit: number,
  after: SqlValue | null,
): Statement {
  const where = conditions(config, firewall);
  const key = sqlName(config, config.primaryKey);
  const cursor = after === null ? '' : ` AND ${key} > ?`;
  return {
    sql:
      `SELECT ${columnList(config)} FROM ${quote(config.sqlName)} WHERE ${where.sql}${cursor} ` +
      `ORDER BY ${key} LIMIT ?`,
    params: [...where.params, ...(after === null ? [] : [after]), limit + 1],
  };
}

export function selectMany(
  config: CrudTableConfig,
  firewall: FirewallValues,
  ids: SqlValue[],
): Statement {
  const where = conditions(config, firewall);
  const marks = ids.map(() => '?').join(', ');
  const key = sqlName(config, config.primaryKey);
  return {
    sql:
      `SELECT ${columnList(config)} FROM ${quote(config.sqlName)} ` +
      `WHERE ${where.sql} AND ${key} IN (${marks})`,
    params: [...where.params, ...ids],
  };
}

export function insert(config: CrudTableConfig, row: StoredRow): Statement {
  const fields = Object.keys(row);
  const names = fields.map((field) => sqlName(config, field)).join(', ');
  return {
    sql:
      `INSERT INTO ${quote(config.sqlName)} (${names}) ` +
      `VALUES (${fields.map(() => '?').join(', ')}) RETURNING ${columnList(config)}`,
    params: fields.map((field) => row[field] as SqlValue),
  };
}

export function update(
  config: CrudTableConfig,
  firewall: FirewallValues,
  id: SqlValue,
  changes: StoredRow,
): Statement {
  const fields = Object.keys(changes);
  const where = byId(config, firewall, id);
  return {
    sql:
      `UPDATE ${quote(config.sqlName)} SET ` +
      `${fields.map((field) => `${sqlName(config, field)} = ?`).join(', ')} ` +
      `WHERE ${where.sql} RETURNING ${columnList(config)}`,
    params: [...fields.map((field) => changes[field] as SqlValue), ...where.params],
  };
}

export function remove(config: CrudTableConfig, firewall: FirewallValues, id: SqlValue): Statement {
  const where = byId(config, firewall, id);
  return {
    sql: `DELETE FROM ${quote(config.sqlName)} WHERE ${where.sql} RETURNING ${columnList(config)}`,
    params: where.params,
  };
}

/**
 * A statement that fails unless the row still holds exactly `stored`. It runs first in the same
 * D1 batch (one transaction) as the write it protects, so the old row an event reports is the
 * row the write replaced, even with a concurrent writer in between our read and our write.
 * SQL has no portable "raise" outside triggers; `json()` of a non-JSON text is an error that
 * aborts and rolls back the batch, and the CASE only reaches it when the row changed.
 */
export function guard(
  config: CrudTableConfig,
  firewall: FirewallValues,
  id: SqlValue,
  stored: StoredRow,
): Statement {
  const where = conditions(config, { ...stored, ...firewall, [config.primaryKey]: id });
  return {
    sql:
      `SELECT json(CASE WHEN EXISTS (SELECT 1 FROM ${quote(config.sqlName)} ` +
      `WHERE ${where.sql}) THEN '0' ELSE 'row changed' END)`,
    params: where.params,
  };
}

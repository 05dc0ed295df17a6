// Moving values between JSON and SQLite. D1 has no boolean or JSON type: booleans are stored
// as INTEGER 0/1 and JSON as TEXT, and every row leaving the routes (responses and events
// alike) is decoded back, so clients never see `1` for `true` or a JSON string for an object.

import type { CrudColumn, CrudTableConfig } from './config';

export type SqlValue = string | number | null;

/** A row keyed by column name, as SQL stores it. */
export type StoredRow = Record<string, SqlValue>;

/** A row keyed by column name, as clients see it. */
export type JsonRow = Record<string, unknown>;

// Date only, or date and time with an explicit zone: a zoneless time would mean whatever the
// server's clock zone is, so it is refused instead of guessed.
const ISO_TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** The SQL value for a client value, or a reason it does not fit the column. */
export function encodeValue(column: CrudColumn, value: unknown): SqlValue | { invalid: string } {
  if (value === null) return null;
  switch (column.type) {
    case 'text':
      if (typeof value !== 'string') return { invalid: 'must be a string' };
      if (column.enum !== null && !column.enum.includes(value)) {
        return { invalid: `must be one of ${column.enum.join(', ')}` };
      }
      return value;
    case 'timestamp':
      return encodeTimestamp(value);
    case 'integer':
      return Number.isSafeInteger(value) ? (value as number) : { invalid: 'must be an integer' };
    case 'real':
      return typeof value === 'number' && Number.isFinite(value)
        ? value
        : { invalid: 'must be a finite number' };
    case 'boolean':
      return typeof value === 'boolean' ? (value ? 1 : 0) : { invalid: 'must be true or false' };
    case 'json':
      return JSON.stringify(value);
  }
}

/** Timestamps are stored as ISO 8601 UTC text (`toISOString`), so they sort and compare. */
function encodeTimestamp(value: unknown): SqlValue | { invalid: string } {
  const invalid = { invalid: 'must be an ISO 8601 date or date-time with a zone' };
  if (typeof value !== 'string' || !ISO_TIMESTAMP.test(value)) return invalid;

  const time = Date.parse(value);
  return Number.isNaN(time) ? invalid : new Date(time).toISOString();
}

export function decodeValue(column: CrudColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.type === 'boolean') return value === 1 || value === true;
  if (column.type === 'json' && typeof value === 'string') {
    // Rows written outside these routes may hold text that is not JSON; show it as it is.
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/** A row from D1 (keyed by SQL names) as stored values keyed by column names. */
export function fromSql(config: CrudTableConfig, row: Record<string, unknown>): StoredRow {
  const stored: StoredRow = {};
  for (const column of config.columns) {
    const value = row[column.sqlName];
    stored[column.name] = value === undefined ? null : (value as SqlValue);
  }
  return stored;
}

export function decodeRow(config: CrudTableConfig, stored: StoredRow): JsonRow {
  const row: JsonRow = {};
  for (const column of config.columns) row[column.name] = decodeValue(column, stored[column.name]);
  return row;
}

/** Equal as data: JSON columns compare by content, so key order alone is no change. */
export function sameStoredValue(column: CrudColumn, a: SqlValue, b: SqlValue): boolean {
  if (a === b) return true;
  if (column.type !== 'json' || typeof a !== 'string' || typeof b !== 'string') return false;
  return canonicalJson(decodeValue(column, a)) === canonicalJson(decodeValue(column, b));
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const entries = Object.entries(item as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(entries);
  });
}

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
const DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const TIME = String.raw`T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?`;
const ZONE = String.raw`(?:Z|[+-](\d{2}):(\d{2}))`;
const ISO_TIMESTAMP = new RegExp(`^${DATE}(?:${TIME}${ZONE})?$`);

/** The SQL value for a client value, or a reason it does not fit the column. */
export function encodeValue(column: CrudColumn, value: unknown): SqlValue | { invalid: string } {
  if (value === null) return null;
  switch (column.type) {
    case 'text':
      if (typeof value !== 'string') return { invalid: 'must be a string' };
      // `/api/v1/<table>/` has no id segment: a row keyed by '' could never be read again.
      if (column.primaryKey && value === '') return { invalid: 'cannot be empty' };
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
  const parts = typeof value === 'string' ? ISO_TIMESTAMP.exec(value) : null;
  if (parts === null) return invalid;

  // Date.parse rolls impossible values over (2025-02-30 becomes March 2): refuse them instead.
  if (!isRealDateTime(parts)) return { invalid: 'is not a real calendar date and time' };

  const time = Date.parse(parts[0]);
  return Number.isNaN(time) ? invalid : new Date(time).toISOString();
}

const CLOCK_LIMITS = [23, 59, 59, 23, 59]; // hour, minute, second, zone hours, zone minutes

function isRealDateTime(parts: RegExpExecArray): boolean {
  const [year, month, day, ...clock] = parts.slice(1).map((part) => Number(part ?? 0));
  if (year === undefined || month === undefined || day === undefined) return false;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  return clock.every((part, index) => part <= (CLOCK_LIMITS[index] ?? 0));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
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

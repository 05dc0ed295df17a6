// Checking a write body against the table's columns. Unknown fields are refused by name
// first (a misspelt field silently ignored would be a lost write), then each value must fit
// its column, then a create must carry every required column. Values come out encoded for SQL.

import type { CrudColumn, CrudTableConfig } from './config';
import { CrudError } from './errors';
import { encodeValue, type SqlValue, type StoredRow } from './values';

export type WriteMode = 'create' | 'update';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The encoded values of a create or update body. `where` prefixes messages (`operations[2]: `)
 * so a batch says which item failed.
 */
export function readBody(
  config: CrudTableConfig,
  body: unknown,
  mode: WriteMode,
  where = '',
): StoredRow {
  if (!isPlainObject(body)) throw new CrudError(400, `${where}the body must be a JSON object`);

  const columns = new Map(config.columns.map((column) => [column.name, column]));
  const unknown = Object.keys(body).filter((key) => !columns.has(key));
  if (unknown.length > 0) {
    throw new CrudError(400, `${where}unknown field(s): ${unknown.join(', ')}`);
  }

  const values: StoredRow = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const column = columns.get(key) as CrudColumn;
    const encoded = encodeValue(column, value);
    if (isInvalid(encoded)) problems.push(`${key} ${encoded.invalid}`);
    else if (encoded === null && (column.required || column.primaryKey)) {
      problems.push(`${key} cannot be null`);
    } else values[key] = encoded;
  }
  if (problems.length > 0) {
    throw new CrudError(400, `${where}invalid field(s): ${problems.join('; ')}`);
  }
  return values;
}

function isInvalid(value: SqlValue | { invalid: string }): value is { invalid: string } {
  return typeof value === 'object' && value !== null;
}

/**
 * Completes a create: session-owned values win over (and must agree with) the body, a text
 * primary key left out becomes a random UUID, and every required column must be present.
 * An integer primary key left out is assigned by SQLite.
 */
export function completeCreate(
  config: CrudTableConfig,
  values: StoredRow,
  sessionValues: StoredRow,
  where = '',
): StoredRow {
  const row: StoredRow = { ...values };
  for (const [field, value] of Object.entries(sessionValues)) {
    if (field in values && values[field] !== value) {
      throw new CrudError(400, `${where}${field} is set from the session and cannot be chosen`);
    }
    row[field] = value;
  }

  const key = config.columns.find((column) => column.primaryKey) as CrudColumn;
  if (row[key.name] === undefined && key.type === 'text') row[key.name] = crypto.randomUUID();

  const missing = config.columns
    .filter((column) => column.required && !column.primaryKey && row[column.name] == null)
    .map((column) => column.name);
  if (key.type !== 'integer' && row[key.name] === undefined) missing.unshift(key.name);
  if (missing.length > 0) {
    throw new CrudError(400, `${where}missing required field(s): ${missing.join(', ')}`);
  }
  return row;
}

/** A primary key from the URL (always text) or a batch item, in the column's stored form. */
export function readId(config: CrudTableConfig, raw: unknown, where = ''): SqlValue {
  const key = config.columns.find((column) => column.primaryKey) as CrudColumn;
  const numeric = key.type === 'integer' || key.type === 'real';
  const value = numeric && typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;

  const encoded = value === undefined ? null : encodeValue(key, value);
  if (encoded === null || isInvalid(encoded)) {
    const reason = encoded === null ? 'is required' : encoded.invalid;
    throw new CrudError(400, `${where}${key.name} ${reason}`);
  }
  return encoded;
}

// Keyset pagination: `?limit=` (1 to MAX_LIMIT, DEFAULT_LIMIT when absent) and `?cursor=`, the
// opaque `nextCursor` of the previous page. Pages follow the primary key, so rows written
// between two requests never shift a page or show up twice, as they can with offsets.

import { decodeBase64Url, encodeBase64Url } from '../../realtime/base64url';
import { CrudError } from './errors';
import type { SqlValue } from './values';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export function readLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIMIT;

  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > MAX_LIMIT) {
    throw new CrudError(400, `limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}

/** A cursor is the last primary key of a page, as JSON, in unpadded base64url. */
export function encodeCursor(key: SqlValue): string {
  return encodeBase64Url(new TextEncoder().encode(JSON.stringify(key)));
}

export function decodeCursor(raw: string | undefined): SqlValue | null {
  if (raw === undefined) return null;

  const bytes = decodeBase64Url(raw);
  if (bytes !== null) {
    try {
      const key: unknown = JSON.parse(
        new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes),
      );
      if (typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key))) return key;
    } catch {
      // Falls through to the same answer as any other cursor this API did not issue.
    }
  }
  throw new CrudError(400, 'cursor is not one this API returned');
}

import { describe, expect, it } from 'vitest';

import { decodeCursor, encodeCursor, readLimit } from '../../../runtime/server/crud/cursor';
import { CrudError } from '../../../runtime/server/crud/errors';

describe('pagination parameters', () => {
  it('round-trips text and integer keys through an opaque base64url cursor', () => {
    for (const key of ['app_1', 'ünï/+=', 42]) {
      const cursor = encodeCursor(key);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor)).toBe(key);
    }
    expect(decodeCursor(undefined)).toBeNull();
  });

  it('refuses cursors it did not issue', () => {
    const forged = btoa('{"a":1}').replace(/=+$/, '');
    for (const raw of ['', 'not base64!', `${encodeCursor('x')}=`, forged]) {
      expect(() => decodeCursor(raw)).toThrow(
        new CrudError(400, 'cursor is not one this API returned'),
      );
    }
  });

  it('reads limit with a default and a ceiling', () => {
    expect(readLimit(undefined)).toBe(50);
    expect(readLimit('200')).toBe(200);
    for (const raw of ['0', '201', '-1', '1.5', 'ten', '']) {
      expect(() => readLimit(raw)).toThrow('limit must be an integer from 1 to 200');
    }
  });
});

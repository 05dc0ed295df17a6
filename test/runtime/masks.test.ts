import { describe, expect, it } from 'vitest';
import { REDACTED, applyMasks, maskValue } from '../../runtime/realtime/masks.ts';
import type { MaskRule } from '../../runtime/realtime/types.ts';

describe('maskValue', () => {
  it('reproduces every example of the spec', () => {
    expect(maskValue('email', 'john@yahoo.com')).toBe('j***@y*********.com');
    expect(maskValue('phone', '555-123-4567')).toBe('******4567');
    expect(maskValue('ssn', '123-45-6789')).toBe('*****6789');
    expect(maskValue('creditCard', '4111 1111 1111 1111')).toBe('**** **** **** 1111');
    expect(maskValue('name', 'John')).toBe('J***');
    expect(maskValue('redact', 'https://cdn.example.com/resume.pdf')).toBe(REDACTED);
  });

  it('keeps fixed widths so lengths do not leak', () => {
    expect(maskValue('email', 'a@mail.example.co.uk')).toBe('a***@m*********.uk');
    expect(maskValue('email', 'alexandra.long@x.io')).toBe('a***@x*********.io');
    expect(maskValue('phone', '+1 (555) 000-1234')).toBe('******1234');
    expect(maskValue('phone', '1234')).toBe('******1234');
    expect(maskValue('ssn', '123456789')).toBe('*****6789');
    expect(maskValue('creditCard', '5500-0000-0000-0004')).toBe('**** **** **** 0004');
    expect(maskValue('name', '  Mary   Jane  Watson ')).toBe('M*** J*** W***');
  });

  it('redacts values of the wrong shape whole', () => {
    const wrong: Array<[Parameters<typeof maskValue>[0], unknown]> = [
      ['email', 'no-at-sign.com'],
      ['email', 'two@@yahoo.com'],
      ['email', 'a@b@c.com'],
      ['email', '@yahoo.com'],
      ['email', 'john@localhost'],
      ['email', 'john@yahoo.'],
      ['email', 'john@.com'],
      ['email', 'jo hn@yahoo.com'],
      ['email', 'john@10.0.0.1'],
      ['email', 42],
      ['phone', '123'],
      ['phone', 'call me: 5551234567'],
      ['phone', 5551234567],
      ['ssn', '12345678'],
      ['ssn', '1234567890'],
      ['ssn', '123-45-678x'],
      ['ssn', 123456789],
      ['creditCard', '4111 1111 111'],
      ['creditCard', '4111-1111-1111-1111-1111'],
      ['creditCard', '4111 1111 1111 111a'],
      ['creditCard', 4111111111111111],
      ['name', ''],
      ['name', '   '],
      ['name', ['John']],
      ['name', { first: 'John' }],
      ['email', true],
    ];
    for (const [type, value] of wrong) {
      expect(maskValue(type, value), `${type} ${JSON.stringify(value)}`).toBe(REDACTED);
    }
  });

  it('keeps null and absent values as they are', () => {
    for (const type of ['email', 'phone', 'ssn', 'creditCard', 'name', 'redact'] as const) {
      expect(maskValue(type, null)).toBeNull();
      expect(maskValue(type, undefined)).toBeUndefined();
    }
  });

  it('redacts every non-null value under redact, whatever its type', () => {
    for (const value of ['x', '', 0, false, { a: 1 }, [1]]) {
      expect(maskValue('redact', value)).toBe(REDACTED);
    }
  });

  it('splits by code point, never inside a surrogate pair', () => {
    expect(maskValue('name', 'Émile Żółć')).toBe('É*** Ż***');
    expect(maskValue('name', '😀nna 𝒜da')).toBe('😀*** 𝒜***');
    expect(maskValue('email', '😀x@ドメイン.jp')).toBe('😀***@ド*********.jp');
    expect(maskValue('email', 'ü@münchen.de')).toBe('ü***@m*********.de');

    const outputs = [maskValue('name', '𝒜 𝒝'), maskValue('email', '𝒜@𝒝.com')] as string[];
    for (const text of outputs) {
      expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
    }
  });

  it('redacts text holding a lone surrogate instead of emitting broken text', () => {
    expect(maskValue('name', '\uD83D')).toBe(REDACTED);
    expect(maskValue('email', '\uDE00x@yahoo.com')).toBe(REDACTED);
  });

  it('falls back to redact for a type it does not know', () => {
    expect(maskValue('bogus' as never, 'secret')).toBe(REDACTED);
  });
});

describe('applyMasks', () => {
  const rules: MaskRule[] = [
    { field: 'email', type: 'email', showRoles: ['admin'], showOwner: false },
    { field: 'phone', type: 'phone', showRoles: [], showOwner: true },
    { field: 'missing', type: 'redact', showRoles: [], showOwner: false },
  ];
  const record = { id: 'c1', email: 'john@yahoo.com', phone: '555-123-4567', note: 'hi' };

  it('masks the fields whose rule is not revealed, and copies the record', () => {
    const masked = applyMasks(record, rules, [false, true, false]);
    expect(masked).toEqual({
      id: 'c1',
      email: 'j***@y*********.com',
      phone: '555-123-4567',
      note: 'hi',
    });
    expect(masked).not.toBe(record);
    expect(record.email).toBe('john@yahoo.com');
    expect(Object.hasOwn(masked, 'missing')).toBe(false);
  });

  it('masks everything when nothing is revealed', () => {
    expect(applyMasks(record, rules, [])).toEqual({
      id: 'c1',
      email: 'j***@y*********.com',
      phone: '******4567',
      note: 'hi',
    });
  });

  it('passes null and non-object payloads through', () => {
    expect(applyMasks(null, rules, [])).toBeNull();
    expect(applyMasks('text', rules, [])).toBe('text');
    expect(applyMasks([1, 2], rules, [])).toEqual([1, 2]);
  });
});

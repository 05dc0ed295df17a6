// The six field masks, and applying a set of them to a record.
//
// Masks have a fixed width (except the name mask, one word at a time) so the masked text does
// not reveal how long the real value is. A value that does not look like its type (a number
// where text is expected, an email without `@`, a phone with fewer than 4 digits) is replaced
// by REDACTED whole: passing an odd value through would leak exactly the data being hidden.
// Text is walked by code point, never by UTF-16 unit, so no mask emits half a surrogate pair.

import type { DbRecord, MaskRule, MaskType } from './types';

export const REDACTED = '[REDACTED]';

// A lone surrogate cannot be masked into valid text; such a value is redacted whole.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PHONE_CHARS = /^[0-9+()\-. ]+$/;
const CARD_CHARS = /^[0-9\- ]+$/;
const EMAIL_LABEL = /^[^\s@.]+$/u;
// Top-level labels are letters, or punycode (`xn--p1ai`): never digits only (`10.0.0.1`).
const TLD = /^(?=.*\p{L})[\p{L}\p{N}-]{2,63}$/u;

function firstCodePoint(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) as number);
}

function digitsOf(text: string): string {
  return text.replace(/[^0-9]/g, '');
}

/**
 * `john@yahoo.com` -> `j***@y*********.com`: the first code point of the local part and `***`,
 * `@`, the first code point of the domain and nine `*` (whatever the domain's length, so
 * `mail.example.co.uk` hides its subdomains too), then `.` and the top-level label as is.
 */
function maskEmail(text: string): string | null {
  const at = text.split('@');
  if (at.length !== 2) return null;

  const [local = '', domain = ''] = at;
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (/\s/u.test(local) || local === '' || labels.length < 2) return null;
  if (!labels.every((label) => EMAIL_LABEL.test(label)) || !TLD.test(tld)) return null;

  return `${firstCodePoint(local)}***@${firstCodePoint(domain)}*********.${tld}`;
}

/** `+1 (555) 123-4567` -> `******4567`. */
function maskPhone(text: string): string | null {
  const digits = digitsOf(text);
  if (!PHONE_CHARS.test(text) || digits.length < 4) return null;

  return `******${digits.slice(-4)}`;
}

/** `123-45-6789` -> `*****6789`; exactly nine digits. */
function maskSsn(text: string): string | null {
  const digits = digitsOf(text);
  if (!CARD_CHARS.test(text) || digits.length !== 9) return null;

  return `*****${digits.slice(-4)}`;
}

/** `4111 1111 1111 1111` -> `**** **** **** 1111`; 12 to 19 digits, as payment cards have. */
function maskCard(text: string): string | null {
  const digits = digitsOf(text);
  if (!CARD_CHARS.test(text) || digits.length < 12 || digits.length > 19) return null;

  return `**** **** **** ${digits.slice(-4)}`;
}

/** `Émile Żółć` -> `É*** Ż***`: each whitespace-separated word keeps its first code point. */
function maskName(text: string): string | null {
  const words = text.trim().split(/\s+/u);
  if (words.length === 0 || words[0] === '') return null;

  return words.map((word) => `${firstCodePoint(word)}***`).join(' ');
}

const TEXT_MASKS: Record<Exclude<MaskType, 'redact'>, (text: string) => string | null> = {
  email: maskEmail,
  phone: maskPhone,
  ssn: maskSsn,
  creditCard: maskCard,
  name: maskName,
};

/** Masks one value. `null` and `undefined` (absent) stay as they are. */
export function maskValue(type: MaskType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (type === 'redact' || typeof value !== 'string' || LONE_SURROGATE.test(value)) {
    return REDACTED;
  }

  // An unknown type (a hand-edited config) falls back to REDACTED instead of the real value.
  const mask = TEXT_MASKS[type] as ((text: string) => string | null) | undefined;
  return (mask && mask(value)) ?? REDACTED;
}

/**
 * Returns a copy of `record` in which the field of every rule whose `revealed[i]` is not true
 * is masked. Fields no rule names, and records that are not plain objects, pass unchanged.
 */
export function applyMasks<T>(
  record: T,
  rules: readonly MaskRule[],
  revealed: readonly boolean[],
): T {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;

  const copy: DbRecord = { ...(record as DbRecord) };
  rules.forEach((rule, index) => {
    if (revealed[index] === true || !Object.hasOwn(copy, rule.field)) return;
    copy[rule.field] = maskValue(rule.type, copy[rule.field]);
  });
  return copy as T;
}

// Unpadded base64url (RFC 4648 §5) with strict, canonical decoding.
//
// Why strict: a ticket is compared as bytes after decoding, so any leniency (padding, `+`/`/`,
// whitespace, non-zero trailing bits) would let one ticket be spelled several ways. Single use
// is keyed on the signed jti, so re-spellings could not replay it anyway, but rejecting them
// keeps "one ticket, one string" true and makes malformed input fail early and cheaply.

const ALPHABET = /^[A-Za-z0-9_-]*$/;

export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);

  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes canonical unpadded base64url, or returns null for anything else. */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return null;

  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return null;
  }

  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);

  // Non-zero bits in the last character's unused low bits decode to the same bytes as the
  // canonical spelling; re-encoding and comparing rejects those aliases.
  return encodeBase64Url(bytes) === text ? bytes : null;
}

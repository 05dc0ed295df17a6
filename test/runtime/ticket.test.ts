import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../runtime/realtime/base64url.ts';
import {
  CLOCK_SKEW_MS,
  TICKET_LIFETIME_MS,
  mintTicket,
  verifyTicket,
} from '../../runtime/realtime/ticket.ts';
import type { SocketClaims } from '../../runtime/realtime/types.ts';

const SECRET = 'unit-test-secret-with-enough-entropy';
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const CLAIMS: SocketClaims = {
  uid: 'user_1',
  org: 'org_1',
  roles: ['recruiter', 'member'],
  lane: { kind: 'org', id: 'org_1' },
};

// A ticket with a valid signature over any payload text: only the payload check can refuse it.
function signRaw(payloadText: string, secret = SECRET): string {
  const body = encodeBase64Url(new TextEncoder().encode(payloadText));
  const mac = createHmac('sha256', secret).update(body).digest();
  return `${body}.${encodeBase64Url(new Uint8Array(mac))}`;
}

function validPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    v: 1,
    lane: { kind: 'org', id: 'org_1' },
    uid: 'user_1',
    org: 'org_1',
    roles: ['member'],
    jti: 'abcdefghijklmnopqrstuv',
    iat: NOW,
    exp: NOW + TICKET_LIFETIME_MS,
    ...overrides,
  };
}

describe('mintTicket / verifyTicket', () => {
  it('round-trips claims, jti and expiry', async () => {
    const minted = await mintTicket(SECRET, CLAIMS, NOW);
    expect(minted.wsTicket).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(minted.expiresAt).toBe(new Date(NOW + TICKET_LIFETIME_MS).toISOString());

    const check = await verifyTicket(SECRET, minted.wsTicket, NOW + 1_000);
    expect(check).toEqual({
      ok: true,
      claims: CLAIMS,
      jti: minted.jti,
      exp: NOW + TICKET_LIFETIME_MS,
    });
  });

  it('gives every ticket its own jti', async () => {
    const a = await mintTicket(SECRET, CLAIMS, NOW);
    const b = await mintTicket(SECRET, CLAIMS, NOW);
    expect(a.jti).not.toBe(b.jti);
  });

  it('refuses another secret and tampered parts as a bad signature', async () => {
    const { wsTicket } = await mintTicket(SECRET, CLAIMS, NOW);
    const [body = '', sig = ''] = wsTicket.split('.');
    expect(await verifyTicket('other-secret', wsTicket, NOW)).toEqual({
      ok: false,
      reason: 'bad signature',
    });

    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
    expect(await verifyTicket(SECRET, `${body}.${flipped}`, NOW)).toEqual({
      ok: false,
      reason: 'bad signature',
    });

    const promoted = { ...JSON.parse(Buffer.from(body, 'base64url').toString()), roles: ['owner'] };
    const forgedBody = encodeBase64Url(new TextEncoder().encode(JSON.stringify(promoted)));
    expect(await verifyTicket(SECRET, `${forgedBody}.${sig}`, NOW)).toEqual({
      ok: false,
      reason: 'bad signature',
    });
  });

  it('expires after 60 s plus the documented skew', async () => {
    const { wsTicket } = await mintTicket(SECRET, CLAIMS, NOW);
    const lastGood = NOW + TICKET_LIFETIME_MS + CLOCK_SKEW_MS - 1;
    expect((await verifyTicket(SECRET, wsTicket, lastGood)).ok).toBe(true);
    expect(await verifyTicket(SECRET, wsTicket, lastGood + 1)).toEqual({
      ok: false,
      reason: 'expired ticket',
    });
  });

  it('refuses a ticket issued further in the future than the skew', async () => {
    const { wsTicket } = await mintTicket(SECRET, CLAIMS, NOW + CLOCK_SKEW_MS + 1);
    expect(await verifyTicket(SECRET, wsTicket, NOW)).toEqual({
      ok: false,
      reason: 'ticket not yet valid',
    });

    const withinSkew = await mintTicket(SECRET, CLAIMS, NOW + CLOCK_SKEW_MS);
    expect((await verifyTicket(SECRET, withinSkew.wsTicket, NOW)).ok).toBe(true);
  });

  it('treats padding, standard-alphabet characters and truncation as malformed', async () => {
    const { wsTicket } = await mintTicket(SECRET, CLAIMS, NOW);
    const malformed = { ok: false, reason: 'malformed ticket' };

    expect(await verifyTicket(SECRET, `${wsTicket}=`, NOW)).toEqual(malformed);
    expect(await verifyTicket(SECRET, wsTicket.slice(0, -1), NOW)).toEqual(malformed);
    expect(await verifyTicket(SECRET, wsTicket.split('.')[0], NOW)).toEqual(malformed);
    expect(await verifyTicket(SECRET, `${wsTicket.split('.')[0]}.`, NOW)).toEqual(malformed);
    expect(await verifyTicket(SECRET, ` ${wsTicket}`, NOW)).toEqual(malformed);

    // Find tickets holding `-` and `_`; standard base64 spells them `+` and `/`.
    let swappedDash = false;
    let swappedUnderscore = false;
    for (let i = 0; i < 200 && !(swappedDash && swappedUnderscore); i++) {
      const t = (await mintTicket(SECRET, CLAIMS, NOW)).wsTicket;
      if (!swappedDash && t.includes('-')) {
        expect(await verifyTicket(SECRET, t.replace('-', '+'), NOW)).toEqual(malformed);
        swappedDash = true;
      }
      if (!swappedUnderscore && t.includes('_')) {
        expect(await verifyTicket(SECRET, t.replace('_', '/'), NOW)).toEqual(malformed);
        swappedUnderscore = true;
      }
    }
    expect(swappedDash && swappedUnderscore).toBe(true);
  });

  it('refuses a non-canonical spelling of the same bytes', async () => {
    const { wsTicket } = await mintTicket(SECRET, CLAIMS, NOW);
    const [body = '', sig = ''] = wsTicket.split('.');
    // 43 characters carry 258 bits for a 256-bit MAC: the last character's low 2 bits are
    // unused, so flipping one of them spells the same bytes differently.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(sig.slice(-1));
    const alias = sig.slice(0, -1) + alphabet[last ^ 1];
    expect(Buffer.from(alias, 'base64url')).toEqual(Buffer.from(sig, 'base64url'));
    expect(await verifyTicket(SECRET, `${body}.${alias}`, NOW)).toEqual({
      ok: false,
      reason: 'malformed ticket',
    });
  });

  it('reports a missing ticket', async () => {
    for (const missing of ['', null, undefined]) {
      expect(await verifyTicket(SECRET, missing, NOW)).toEqual({
        ok: false,
        reason: 'missing ticket',
      });
    }
  });

  it('answers garbage with "malformed ticket", never an exception', async () => {
    const garbage = ['abc', '.', '..', 'a.b.c', 'é.é', '%%%.%%%', 'x'.repeat(10_000), '{}.{}'];
    for (const ticket of garbage) {
      expect(await verifyTicket(SECRET, ticket, NOW)).toEqual({
        ok: false,
        reason: 'malformed ticket',
      });
    }
  });

  it('refuses a correctly signed payload of the wrong shape as malformed', async () => {
    const payloads = [
      'not json',
      '[]',
      'null',
      JSON.stringify(validPayload({ v: 2 })),
      JSON.stringify(validPayload({ roles: 'owner' })),
      JSON.stringify(validPayload({ roles: [1] })),
      JSON.stringify(validPayload({ uid: '' })),
      JSON.stringify(validPayload({ org: 7 })),
      JSON.stringify(validPayload({ lane: { kind: 'team', id: 'x' } })),
      JSON.stringify(validPayload({ lane: { kind: 'org', id: 'x', extra: 1 } })),
      JSON.stringify(validPayload({ jti: 'short' })),
      JSON.stringify(validPayload({ iat: 'now' })),
      JSON.stringify(validPayload({ exp: NOW + 3_600_000 })),
      JSON.stringify(validPayload({ admin: true })),
    ];
    for (const text of payloads) {
      expect(await verifyTicket(SECRET, signRaw(text), NOW)).toEqual({
        ok: false,
        reason: 'malformed ticket',
      });
    }

    expect((await verifyTicket(SECRET, signRaw(JSON.stringify(validPayload())), NOW)).ok).toBe(
      true,
    );
  });

  it('refuses to mint without a secret or with invalid claims', async () => {
    await expect(mintTicket('', CLAIMS, NOW)).rejects.toThrow(TypeError);
    const bad = { ...CLAIMS, roles: [''] };
    await expect(mintTicket(SECRET, bad, NOW)).rejects.toThrow(TypeError);
  });
});

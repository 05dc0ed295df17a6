// Ticket mint and verify rates of the runtime module itself (runtime/realtime/ticket.ts, the
// file copied into every generated project), run in Node on WebCrypto, beside the floor
// under them: one bare `crypto.subtle.sign` HMAC-SHA256 over the same bytes with an already
// imported key. The gap between the two is what the ticket format costs on top of its MAC
// (JSON, base64url, the strict payload checks).

import { decodeBase64Url } from '../../runtime/realtime/base64url.ts';
import { mintTicket, verifyTicket } from '../../runtime/realtime/ticket.ts';
import type { SocketClaims } from '../../runtime/realtime/types.ts';
import { median, round } from '../lib/stats.ts';

export interface TicketRates {
  mintPerSec: number;
  verifyPerSec: number;
  hmacBaselinePerSec: number;
  hmacVerifyBaselinePerSec: number;
  /** Strict base64url decoding of one ticket's two parts, a step of every verify. */
  decodePerSec: number;
  /** verifyPerSec over hmacBaselinePerSec. */
  verifyRatio: number;
  iterations: number;
  runs: number;
}

const SECRET = 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const CLAIMS: SocketClaims = {
  uid: 'user_01HZX5K2M3N4P5Q6R7S8T9V0W1',
  org: 'org_01HZX5K2M3N4P5Q6R7S8T9V0W1',
  roles: ['recruiter'],
  lane: { kind: 'org', id: 'org_01HZX5K2M3N4P5Q6R7S8T9V0W1' },
};

/** Runs `operation` `iterations` times one after another and returns operations per second. */
async function rate(iterations: number, operation: (i: number) => Promise<unknown>) {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await operation(i);
  return (iterations * 1000) / (performance.now() - started);
}

async function oneRun(iterations: number) {
  const tickets = await Promise.all(
    Array.from({ length: iterations }, () => mintTicket(SECRET, CLAIMS)),
  );
  const signed = tickets.map((t) => t.wsTicket);
  const bodies = signed.map((t) => new TextEncoder().encode(t.split('.')[0]));

  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(SECRET),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  const macs = await Promise.all(bodies.map((body) => crypto.subtle.sign('HMAC', key, body)));

  return {
    mint: await rate(iterations, () => mintTicket(SECRET, CLAIMS)),
    verify: await rate(iterations, async (i) => {
      const check = await verifyTicket(SECRET, signed[i]);
      if (!check.ok) throw new Error(`bench ticket did not verify: ${check.reason}`);
    }),
    hmac: await rate(iterations, (i) =>
      crypto.subtle.sign('HMAC', key, bodies[i] as Uint8Array<ArrayBuffer>),
    ),
    decode: await rate(iterations, async (i) => {
      const [body = '', signature = ''] = (signed[i] as string).split('.');
      if (!decodeBase64Url(body) || !decodeBase64Url(signature)) throw new Error('bad encoding');
    }),
    hmacVerify: await rate(iterations, (i) =>
      crypto.subtle.verify(
        'HMAC',
        key,
        macs[i] as ArrayBuffer,
        bodies[i] as Uint8Array<ArrayBuffer>,
      ),
    ),
  };
}

export async function measureTicketRates(iterations: number, runs: number): Promise<TicketRates> {
  // One unmeasured run warms the JIT and the key cache of ticket.ts.
  await oneRun(Math.min(iterations, 2_000));

  const results = [];
  for (let run = 0; run < runs; run++) results.push(await oneRun(iterations));

  const verifyPerSec = median(results.map((r) => r.verify));
  const hmacBaselinePerSec = median(results.map((r) => r.hmac));
  return {
    mintPerSec: round(median(results.map((r) => r.mint))),
    verifyPerSec: round(verifyPerSec),
    hmacBaselinePerSec: round(hmacBaselinePerSec),
    hmacVerifyBaselinePerSec: round(median(results.map((r) => r.hmacVerify))),
    decodePerSec: round(median(results.map((r) => r.decode))),
    verifyRatio: round(verifyPerSec / hmacBaselinePerSec),
    iterations,
    runs,
  };
}

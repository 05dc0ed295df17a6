// Single use of tickets, per lane: the Broadcaster records every jti it accepts.
//
// Races: two upgrades with one ticket may arrive at the same time. Both reach this object
// (the lane is in the signed ticket), and the first to run claims the jti in memory before
// its first `await`, so the second sees it synchronously; the storage record makes the claim
// survive hibernation and eviction. The input gate also holds other events while a storage
// read is in flight, but the in-memory claim does not depend on that subtlety.
//
// Cleanup: record keys sort by expiry (`jti:<zero-padded exp>:<jti>`), so each upgrade
// deletes a bounded batch of the oldest expired records with one range list. A record is kept
// for a full ticket life past its expiry, which covers any verifier clock within the skew.

import { TICKET_LIFETIME_MS } from './ticket';

const PREFIX = 'jti:';
const PRUNE_BATCH = 64;
const RETAIN_AFTER_EXPIRY_MS = TICKET_LIFETIME_MS;

function recordKey(exp: number, jti: string): string {
  return `${PREFIX}${String(exp).padStart(16, '0')}:${jti}`;
}

export class TicketLedger {
  // jti -> exp of tickets accepted while this object has been awake.
  private readonly recent = new Map<string, number>();

  constructor(private readonly storage: DurableObjectStorage) {}

  /** Records the jti and returns true, or returns false when it was used before. */
  async claim(jti: string, exp: number): Promise<boolean> {
    if (this.recent.has(jti)) return false;
    this.recent.set(jti, exp);

    const key = recordKey(exp, jti);
    if ((await this.storage.get(key)) !== undefined) return false;
    await this.storage.put(key, exp);
    return true;
  }

  /** Forgets expired records: at most one batch per call, so an upgrade never waits long. */
  async prune(nowMs: number): Promise<void> {
    const cutoff = nowMs - RETAIN_AFTER_EXPIRY_MS;
    for (const [jti, exp] of this.recent) {
      if (exp < cutoff) this.recent.delete(jti);
    }

    const expired = await this.storage.list({
      prefix: PREFIX,
      end: recordKey(cutoff, ''),
      limit: PRUNE_BATCH,
    });
    if (expired.size > 0) await this.storage.delete([...expired.keys()]);
  }
}

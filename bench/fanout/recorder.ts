// Counts what the clients receive during one measured step: each write's scheduled time, each
// (socket, write) delivery, latencies, duplicates, strays, messages that reached the other
// lane, and the distinct texts of sampled writes (one per view, if serialization is per view).
//
// The recorder runs in the same process as a thousand clients and must stay cheap: it finds
// the record id in the raw bytes and decodes text only for the sampled writes.

/** Writes whose distinct texts are collected, from the start of each step. */
const SAMPLED_WRITES = 10;

export class StepRecorder {
  readonly scheduled: Float64Array;
  readonly latencies: Float64Array;
  /** Distinct texts per write, for the first SAMPLED_WRITES writes (null after). */
  readonly distinctTexts: (Set<string> | null)[];
  delivered = 0;
  duplicates = 0;
  /** Lane-A messages that name no write of this step (a late one from an earlier step, say). */
  stray = 0;
  /** Messages received by sockets of the other organization's lane: must stay 0. */
  crossLane = 0;
  lastReceipt = 0;
  private readonly counts: Uint8Array;
  private readonly marker: Buffer;

  constructor(
    /** Record ids of this step are `<prefix><seq>`. */
    readonly prefix: string,
    readonly writes: number,
    readonly clients: number,
  ) {
    this.scheduled = new Float64Array(writes);
    this.counts = new Uint8Array(writes * clients);
    this.latencies = new Float64Array(writes * clients);
    this.distinctTexts = Array.from({ length: writes }, (_, seq) =>
      seq < SAMPLED_WRITES ? new Set<string>() : null,
    );
    this.marker = Buffer.from(`"id":"${prefix}`);
  }

  get expected(): number {
    return this.writes * this.clients;
  }

  get complete(): boolean {
    return this.delivered >= this.expected;
  }

  /** How many lane-A sockets received write `seq`. */
  deliveredFor(seq: number): number {
    let count = 0;
    const row = this.counts.subarray(seq * this.clients, (seq + 1) * this.clients);
    for (const cell of row) count += cell;
    return count;
  }

  /** `slot` is the socket's index in lane A, or -1 for a lane-B socket. */
  receive(slot: number, data: Buffer, now: number): void {
    if (slot < 0) {
      this.crossLane += 1;
      return;
    }

    const seq = this.sequenceOf(data);
    if (seq === null) {
      this.stray += 1;
      return;
    }

    const cell = seq * this.clients + slot;
    if (this.counts[cell]! > 0) {
      this.duplicates += 1;
      return;
    }
    this.counts[cell] = 1;
    this.latencies[this.delivered++] = now - this.scheduled[seq]!;
    this.lastReceipt = now;
    this.distinctTexts[seq]?.add(data.toString('utf8'));
  }

  /** Reads the write number after `"id":"<prefix>` (ASCII digits up to the closing quote). */
  private sequenceOf(data: Buffer): number | null {
    const start = data.indexOf(this.marker);
    if (start < 0) return null;

    let seq = 0;
    let at = start + this.marker.length;
    for (; at < data.length && data[at] !== 0x22; at++) {
      const digit = data[at]! - 0x30;
      if (digit < 0 || digit > 9) return null;
      seq = seq * 10 + digit;
    }
    return at > start + this.marker.length && seq < this.writes ? seq : null;
  }
}

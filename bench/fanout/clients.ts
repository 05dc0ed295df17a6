// The subscribers: plain `ws` clients (permessage-deflate off), each handing what it receives
// to the current step's recorder. Connecting is timed apart from minting tickets, which gives
// the upgrade rate; the fan-out steps start only after every socket is open.

import WebSocket from 'ws';

import type { LaneId } from './cast.ts';
import type { StepRecorder } from './recorder.ts';

export interface ClientSpec {
  lane: LaneId;
  /** Which member (view) the socket belongs to. */
  classId: number;
  /** Produces the socket URL; for workerd this mints the socket's single-use ticket. */
  url: () => Promise<string>;
}

export interface ConnectSettings {
  /** Tickets are minted this many at a time, then used at once (they live 60 s). */
  batch: number;
  /** Upgrades in flight at once. */
  concurrency: number;
}

const CONNECT_TIMEOUT_MS = 30_000;

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(runners);
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, {
      perMessageDeflate: false,
      handshakeTimeout: CONNECT_TIMEOUT_MS,
    });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) => {
      reject(new Error(`upgrade refused with ${response.statusCode} for ${url.slice(0, 60)}`));
    });
    ws.once('error', reject);
  });
}

export class ClientPool {
  readonly sockets: WebSocket[] = [];
  /** Lane-A socket count: the recorder's slots. */
  laneA = 0;
  laneB = 0;
  recorder: StepRecorder | null = null;
  /** Messages that arrived between steps (none should). */
  unrecorded = 0;
  /** Milliseconds spent in upgrades (ticket minting excluded). */
  connectMs = 0;
  /** Milliseconds spent producing URLs (minting tickets over HTTP, for workerd). */
  mintMs = 0;

  /** Classes of the lane-A sockets, by slot. */
  readonly classOfSlot: number[] = [];

  async connect(specs: ClientSpec[], settings: ConnectSettings): Promise<void> {
    for (let start = 0; start < specs.length; start += settings.batch) {
      const batch = specs.slice(start, start + settings.batch);
      const urls: string[] = [];
      const minting = performance.now();
      await inParallel([...batch.keys()], settings.concurrency, async (i) => {
        urls[i] = await (batch[i] as ClientSpec).url();
      });
      this.mintMs += performance.now() - minting;

      const began = performance.now();
      await inParallel([...batch.keys()], settings.concurrency, async (i) => {
        this.attach(await open(urls[i] as string), batch[i] as ClientSpec);
      });
      this.connectMs += performance.now() - began;
    }
  }

  private attach(ws: WebSocket, spec: ClientSpec): void {
    const slot = spec.lane === 'A' ? this.laneA++ : -1;
    if (spec.lane === 'A') this.classOfSlot[slot] = spec.classId;
    else this.laneB += 1;

    ws.on('message', (data: Buffer) => {
      const now = performance.now();
      if (this.recorder) this.recorder.receive(slot, data, now);
      else this.unrecorded += 1;
    });
    this.sockets.push(ws);
  }

  get upgradesPerSec(): number {
    return (this.sockets.length * 1000) / this.connectMs;
  }

  get urlsPerSec(): number {
    return (this.sockets.length * 1000) / this.mintMs;
  }

  openCount(): number {
    return this.sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.sockets.length = 0;
  }
}

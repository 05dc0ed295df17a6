// Starts the fixture Worker under Miniflare (workerd) on 127.0.0.1 and drives it with real
// `ws` clients. Every wait is bounded and keyed on a specific message, never on time alone.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import WebSocket from 'ws';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../../.tmp/runtime');
export const TICKET_SECRET = 'workerd-test-secret-0123456789';
const WAIT_MS = 5_000;

export async function startWorker(): Promise<{ mf: Miniflare; url: URL }> {
  mkdirSync(outDir, { recursive: true });
  const scriptPath = path.join(outDir, 'worker.js');
  await build({
    entryPoints: [path.join(here, 'fixtures/worker.ts')],
    outfile: scriptPath,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'neutral',
    external: ['cloudflare:*'],
    logLevel: 'silent',
  });

  const mf = new Miniflare({
    modules: true,
    scriptPath,
    compatibilityDate: '2025-01-01',
    durableObjects: { BROADCASTER: { className: 'Broadcaster', useSQLite: true } },
    bindings: { TICKET_SECRET },
    host: '127.0.0.1',
    port: 0,
  });
  return { mf, url: await mf.ready };
}

export type Received = { text: string; json: unknown };

/** A client socket that records every message and how it closed. */
export class TestSocket {
  readonly received: Received[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: Array<() => void> = [];

  constructor(
    readonly name: string,
    readonly ws: WebSocket,
  ) {
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '<binary>' : data.toString();
      let json: unknown = undefined;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      this.received.push({ text, json });
      this.wake();
    });
    // Errors after the upgrade (a refused or reset socket) surface as `close`; without a
    // listener, `ws` would throw them at the process.
    ws.on('error', () => undefined);
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves when `ready()` holds, or rejects after a bounded wait naming what was missing. */
  until(ready: () => boolean, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`${this.name}: timed out waiting for ${what}`));
      }, WAIT_MS);
      const check = (): void => {
        if (ready()) {
          clearTimeout(timer);
          resolve();
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  waitForClose(): Promise<{ code: number; reason: string }> {
    return this.until(() => this.closed !== null, 'close').then(() => this.closed!);
  }
}

export type UpgradeOutcome =
  { kind: 'open'; socket: TestSocket } | { kind: 'refused'; status: number; body: string };

export function connect(base: URL, ticket: string, name: string): Promise<UpgradeOutcome> {
  const url = new URL('/connect', base);
  url.protocol = 'ws:';
  url.searchParams.set('ws_ticket', ticket);

  return new Promise((resolve, reject) => {
    // After a close initiated outside a socket event (a disconnect from a publish request),
    // local workerd sends the close frame at once but ends TCP only seconds later; like a
    // browser, the client gives up waiting after a moment. The code still comes from the frame.
    // (@types/ws lags the installed ws, which has the option.)
    const options: WebSocket.ClientOptions & { closeTimeout: number } = { closeTimeout: 500 };
    const ws = new WebSocket(url, options);
    const socket = new TestSocket(name, ws);
    const timer = setTimeout(() => reject(new Error(`${name}: upgrade timed out`)), WAIT_MS);
    ws.once('open', () => {
      clearTimeout(timer);
      resolve({ kind: 'open', socket });
    });
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ kind: 'refused', status: response.statusCode ?? 0, body });
      });
    });
    ws.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

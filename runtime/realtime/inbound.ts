// What to do with a message a client sends. The protocol is one-way (server to client) apart
// from `ping`, which the runtime answers with `pong` through setWebSocketAutoResponse without
// waking a hibernated object, so that text never reaches this code. Everything else is
// ignored, except input that costs us: large frames and floods close that socket only.

export const MAX_INBOUND_BYTES = 4_096;
const FLOOD_WINDOW_MS = 10_000;
const FLOOD_LIMIT = 20;

export interface CloseInstruction {
  code: number;
  reason: string;
}

// Counters live in memory only: hibernation resets them, which is fine, since an object that
// keeps receiving messages does not hibernate.
const windows = new WeakMap<WebSocket, { start: number; count: number }>();

function tooLarge(text: string): boolean {
  // Each UTF-16 unit is at most 3 UTF-8 bytes, so short texts need no encoding pass.
  if (text.length * 3 <= MAX_INBOUND_BYTES) return false;
  return new TextEncoder().encode(text).byteLength > MAX_INBOUND_BYTES;
}

export function inspectInbound(
  ws: WebSocket,
  message: string | ArrayBuffer,
  nowMs: number,
): CloseInstruction | null {
  // 1003: the endpoint does not accept this kind of data (we only speak text).
  if (typeof message !== 'string') return { code: 1003, reason: 'binary messages not accepted' };

  // 1009: the message is too big to process.
  if (tooLarge(message)) return { code: 1009, reason: 'message too large' };

  const window = windows.get(ws);
  if (window === undefined || nowMs - window.start >= FLOOD_WINDOW_MS) {
    windows.set(ws, { start: nowMs, count: 1 });
    return null;
  }

  // 1008: policy violation, for a client that keeps sending what we ignore.
  window.count += 1;
  return window.count > FLOOD_LIMIT ? { code: 1008, reason: 'too many messages' } : null;
}

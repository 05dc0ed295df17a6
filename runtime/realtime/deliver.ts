// Sends one envelope to its recipients in this lane.

import { selectRecipients } from './recipients';
import type { DeliveryReport, PublishEnvelope } from './types';
import { planViews, renderView, viewKey } from './views';

// 1011 ("internal error") tells the client the server gave up on this socket; clients
// reconnect with a fresh ticket.
const SEND_FAILED = { code: 1011, reason: 'send failed' };

export function dropSocket(ws: WebSocket, code: number, reason: string): void {
  try {
    ws.close(code, reason);
  } catch (e) {
    console.log('DEBUG close threw', String(e));
    // Already closed or broken: nothing left to release.
  }
}

export async function deliver(
  state: DurableObjectState,
  envelope: PublishEnvelope,
): Promise<DeliveryReport> {
  const recipients = await selectRecipients(state, envelope.filter);
  const plan = planViews(envelope);
  const rendered = new Map<string, string>();
  let delivered = 0;

  for (const { ws, claims } of recipients) {
    const key = viewKey(envelope, plan, claims);
    let text = rendered.get(key);
    if (text === undefined) {
      text = renderView(envelope, plan, key);
      rendered.set(key, text);
    }

    // One broken socket must not stop the fan-out to everyone after it.
    try {
      ws.send(text);
      delivered += 1;
    } catch {
      dropSocket(ws, SEND_FAILED.code, SEND_FAILED.reason);
    }
  }

  return { recipients: delivered, serializations: rendered.size };
}

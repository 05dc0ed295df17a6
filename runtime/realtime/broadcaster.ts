// The Broadcaster Durable Object: one instance per lane (see lanes.ts), holding that lane's
// WebSockets and fanning events out to them.
//
// It uses the WebSocket Hibernation API (`ctx.acceptWebSocket`), so an idle lane costs
// nothing: the object may be evicted from memory while its sockets stay open, and is rebuilt
// (constructor runs again) when a message or a publish arrives. Anything kept in fields is
// therefore a cache; per-socket truth lives in attachments and tags, and used tickets in
// storage. Routes (private, reachable only through the BROADCASTER binding):
//   GET  /connect     WebSocket upgrade with the grant the Worker verified (protocol.ts)
//   POST /publish     one envelope, or { events: [...] }  -> { recipients, serializations }
//   POST /disconnect  { userId }                          -> { closed }

import { DurableObject } from 'cloudflare:workers';
import { attachmentFits, encodeAttachment, readClaims } from './attachment';
import { deliver, dropSocket } from './deliver';
import { isEnvelope, isGrant } from './envelope-check';
import { inspectInbound } from './inbound';
import { CONNECT_HEADER, decodeGrant, jsonResponse } from './protocol';
import { socketTags, userTag } from './tags';
import { TicketLedger } from './ticket-ledger';
import type { DeliveryReport, PublishEnvelope, PublishResponse } from './types';

// 4000-4999 are free for applications; 4001 tells the client its access changed and that it
// should fetch a new ticket (which carries the new claims) before reconnecting.
const DISCONNECTED = { code: 4001, reason: 'disconnected by server' };

// Handlers are `#private`: every public method of a DurableObject subclass is callable over
// RPC by whoever holds the binding, and `connect` would even shadow the platform's TCP hook.
export class Broadcaster extends DurableObject<unknown> {
  readonly #ledger: TicketLedger;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    this.#ledger = new TicketLedger(ctx.storage);

    // Answered by the runtime itself, even while the object hibernates: keep-alives from
    // thousands of clients never wake it or bill duration.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
  }

  async fetch(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === '/connect' && request.method === 'GET') return this.#connect(request);
    if (pathname === '/publish' && request.method === 'POST') return this.#publish(request);
    if (pathname === '/disconnect' && request.method === 'POST') return this.#disconnect(request);

    return jsonResponse({ error: 'not found' }, 404);
  }

  async #connect(request: Request): Promise<Response> {
    if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
      return jsonResponse({ error: 'expected a websocket upgrade' }, 426);
    }
    const grant = decodeGrant(request.headers.get(CONNECT_HEADER));
    if (!isGrant(grant)) return jsonResponse({ error: 'malformed ticket' }, 401);
    if (!attachmentFits(grant.claims)) {
      return jsonResponse({ error: 'ticket claims too large for a socket' }, 400);
    }

    // The claim happens before any other await so a racing twin sees it (ticket-ledger.ts).
    if (!(await this.#ledger.claim(grant.jti, grant.exp))) {
      return jsonResponse({ error: 'ticket already used' }, 401);
    }
    await this.#ledger.prune(Date.now());

    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server, await socketTags(grant.claims));
    try {
      server.serializeAttachment(encodeAttachment(grant.claims));
    } catch {
      // attachmentFits bounds the size; this only guards against a platform limit change.
      dropSocket(server, 1011, 'claims too large');
      return jsonResponse({ error: 'ticket claims too large for a socket' }, 400);
    }

    return new Response(null, { status: 101, webSocket: client });
  }

  async #publish(request: Request): Promise<Response> {
    const body = await readJson(request);
    const list: unknown[] | null = isBatch(body) ? body.events : body === undefined ? null : [body];
    if (list === null || !list.every(isEnvelope)) {
      return jsonResponse({ error: 'malformed publish body' }, 400);
    }

    const results: DeliveryReport[] = [];
    for (const envelope of list as PublishEnvelope[]) {
      results.push(await deliver(this.ctx, envelope));
    }

    const response: PublishResponse = {
      recipients: results.reduce((sum, r) => sum + r.recipients, 0),
      serializations: results.reduce((sum, r) => sum + r.serializations, 0),
      results,
    };
    return jsonResponse(response);
  }

  async #disconnect(request: Request): Promise<Response> {
    const body = await readJson(request);
    const userId = (body as { userId?: unknown } | undefined)?.userId;
    if (typeof userId !== 'string' || userId === '') {
      return jsonResponse({ error: 'userId required' }, 400);
    }

    let closed = 0;
    for (const ws of this.ctx.getWebSockets(await userTag(userId))) {
      if (readClaims(ws)?.uid !== userId || ws.readyState !== WebSocket.OPEN) continue;
      dropSocket(ws, DISCONNECTED.code, DISCONNECTED.reason);
      closed += 1;
    }
    return jsonResponse({ closed });
  }

  webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): void {
    const verdict = inspectInbound(ws, message, Date.now());
    if (verdict !== null) dropSocket(ws, verdict.code, verdict.reason);
  }

  // The client closed, or answered our close: close our side too so the connection is
  // released. (Local workerd kept connections we closed from a request, such as /disconnect,
  // open long after the handshake when this call was missing.) 1005 and 1006 ("no status",
  // "abnormal") describe a close but may not be sent in one, hence 1000.
  webSocketClose(ws: WebSocket, code: number, reason: string): void {
    const sendable = code === 1000 || (code >= 3000 && code <= 4999);
    dropSocket(ws, sendable ? code : 1000, sendable ? reason : '');
  }

  webSocketError(ws: WebSocket): void {
    dropSocket(ws, 1011, 'socket error');
  }
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

function isBatch(body: unknown): body is { events: unknown[] } {
  return typeof body === 'object' && body !== null && Array.isArray(Reflect.get(body, 'events'));
}

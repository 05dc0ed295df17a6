// A small browser client for the generated realtime API: it fetches a ws-ticket, opens the
// socket, hands each event to the handlers registered for it, and reconnects with a fresh
// ticket when the socket drops. It uses only `fetch` and `WebSocket`, so it runs in browsers,
// in Workers and in Node (pass `WebSocket` from the `ws` package on Node 20).

export interface ChangeEvent<TRecord> {
  type: 'postgres_changes';
  table: string;
  eventType: 'INSERT' | 'UPDATE' | 'DELETE';
  schema: 'public';
  new: TRecord | null;
  old: Partial<TRecord> | null;
}

export interface BroadcastMessage<TPayload = unknown> {
  type: 'broadcast';
  event: string;
  payload: TPayload;
}

export type ClientStatus = 'idle' | 'connecting' | 'open' | 'closed';

export interface RealtimeClientOptions {
  /** Origin of the API, such as `https://api.example.com`; '' for the page's own origin. */
  baseUrl: string;
  /** Bearer token for the ws-ticket request; without one the browser's cookies are used. */
  getToken?: () => string | null | Promise<string | null>;
  /** Body of the ws-ticket request, such as `{ eventId }` for a scope ticket. */
  ticketBody?: () => Record<string, unknown> | undefined;
  /** Reconnect after a drop (true by default); delays grow from 500 ms to 15 s. */
  reconnect?: boolean;
  /** Override for environments without a global WebSocket (Node 20: the `ws` package). */
  WebSocket?: WebSocketConstructor;
  /** Called when a ticket cannot be had or the server refuses the socket. */
  onError?: (error: Error) => void;
  /** Called on every status change. */
  onStatus?: (status: ClientStatus) => void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** The part of the WebSocket interface the client uses (browser, Workers and `ws` alike). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'close', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

type Listener = (message: any) => void;

const TICKET_PATH = '/broadcast/v1/ws-ticket';
const SOCKET_PATH = '/broadcast/v1/websocket';
const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;
// Idle connections through proxies and load balancers are cut after about a minute; the
// Broadcaster answers `ping` without waking, so keeping the socket warm costs nothing.
const KEEPALIVE_MS = 30_000;
const OPEN = 1;

export class RealtimeClient<TRecords, TEvents> {
  private socket: WebSocketLike | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private status: ClientStatus = 'idle';
  private attempts = 0;
  private stopped = false;
  private keepalive: ReturnType<typeof setInterval> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: RealtimeClientOptions) {}

  /** Opens the socket; resolves once it is open, rejects when the ticket or upgrade fails. */
  async connect(): Promise<void> {
    this.stopped = false;
    this.setStatus('connecting');

    const ticket = await this.fetchTicket();
    const url = `${socketOrigin(this.options.baseUrl)}${SOCKET_PATH}?ws_ticket=${ticket}`;
    const Socket = this.options.WebSocket ?? (globalThis.WebSocket as WebSocketConstructor);
    const socket = new Socket(url);
    this.socket = socket;

    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => {
        this.attempts = 0;
        this.setStatus('open');
        this.startKeepalive();
        resolve();
      });
      socket.addEventListener('close', () => {
        reject(new Error('the server closed the socket before it opened'));
        this.handleClose(socket);
      });
      socket.addEventListener('message', (event) => this.dispatch(event.data));
    });
  }

  /** Calls `handler` for each change to `table`; returns a function that unsubscribes. */
  onChange<T extends keyof TRecords & string>(
    table: T,
    handler: (change: ChangeEvent<TRecords[T]>) => void,
  ): () => void {
    return this.listen(`table:${table}`, handler);
  }

  /** Calls `handler` with the payload of each `event` (namespace events are `ns:event`). */
  onBroadcast<E extends keyof TEvents & string>(
    event: E,
    handler: (payload: TEvents[E]) => void,
  ): () => void {
    return this.listen(`event:${event}`, handler);
  }

  /** Every message, typed or not: for `realtime.broadcast` events with free-form names. */
  onMessage(handler: (message: ChangeEvent<unknown> | BroadcastMessage) => void): () => void {
    return this.listen('*', handler);
  }

  /** Closes the socket and stops reconnecting. */
  close(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.stopKeepalive();
    this.socket?.close(1000, 'client closed');
    this.setStatus('closed');
  }

  private listen(key: string, handler: Listener): () => void {
    const set = this.listeners.get(key) ?? new Set<Listener>();
    set.add(handler);
    this.listeners.set(key, set);
    return () => set.delete(handler);
  }

  private async fetchTicket(): Promise<string> {
    const token = (await this.options.getToken?.()) ?? null;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;

    const init: Record<string, unknown> = {
      method: 'POST',
      headers,
      body: JSON.stringify(this.options.ticketBody?.() ?? {}),
    };
    // Without a token the session cookie must travel, cross-origin too. Only browsers need it,
    // and some runtimes (workerd) refuse the option, so it is set in cookie mode alone.
    if (!token) init.credentials = 'include';
    const response = await fetch(`${this.options.baseUrl}${TICKET_PATH}`, init as RequestInit);
    const body = (await response.json().catch(() => null)) as { wsTicket?: unknown } | null;
    if (!response.ok || typeof body?.wsTicket !== 'string') {
      throw new Error(`ws-ticket refused (${response.status}): ${JSON.stringify(body)}`);
    }
    return body.wsTicket;
  }

  private dispatch(data: unknown): void {
    const text = typeof data === 'string' ? data : String(data);
    if (text === 'pong') return;

    let message: any;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message?.type === 'postgres_changes') {
      for (const handler of this.listeners.get(`table:${message.table}`) ?? []) handler(message);
    } else if (message?.type === 'broadcast') {
      const handlers = this.listeners.get(`event:${message.event}`) ?? [];
      for (const handler of handlers) handler(message.payload);
    }
    for (const handler of this.listeners.get('*') ?? []) handler(message);
  }

  private handleClose(socket: WebSocketLike): void {
    if (socket !== this.socket) return;
    this.stopKeepalive();
    this.socket = null;
    if (this.stopped || this.options.reconnect === false) {
      this.setStatus('closed');
      return;
    }

    // A ticket is single use and lives 60 s, so every attempt fetches a new one.
    this.setStatus('connecting');
    const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempts++);
    this.retry = setTimeout(() => {
      this.connect().catch((error: unknown) => {
        this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
        if (!this.socket) this.handleClose(this.socket as unknown as WebSocketLike);
      });
    }, delay);
  }

  private startKeepalive(): void {
    this.stopKeepalive();
    this.keepalive = setInterval(() => {
      if (this.socket?.readyState === OPEN) this.socket.send('ping');
    }, KEEPALIVE_MS);
  }

  private stopKeepalive(): void {
    if (this.keepalive) clearInterval(this.keepalive);
    this.keepalive = null;
  }

  private setStatus(status: ClientStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.options.onStatus?.(status);
  }
}

/** `https://api.example.com` -> `wss://api.example.com`; '' keeps the page's own host. */
function socketOrigin(baseUrl: string): string {
  if (baseUrl === '') {
    const location = (globalThis as { location?: { protocol: string; host: string } }).location;
    if (!location) throw new Error('baseUrl is required outside a browser page');
    return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
  }
  return baseUrl.replace(/^http/, 'ws');
}

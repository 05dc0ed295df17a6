// WebSocket clients for e2e tests (the `ws` package). A refused upgrade is data, not an error:
// tests assert its status and JSON reason. An open socket records every message and lets a
// test wait for one, or prove that nothing else arrived before a later sentinel message.

import WebSocket from 'ws';

export type Message = any;
export type Predicate = (message: Message) => boolean;

export type Connection =
  { kind: 'open'; socket: TestSocket } | { kind: 'refused'; status: number; body: any };

const DEFAULT_TIMEOUT_MS = 5_000;

export class TestSocket {
  /** Every message received, JSON-parsed when it is JSON. */
  readonly messages: Message[] = [];
  /** Resolves with the close code and reason once the socket closes. */
  readonly closed: Promise<{ code: number; reason: string }>;
  private cursor = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? data : data.toString();
      this.messages.push(typeof text === 'string' ? parseJson(text) : text);
      for (const listener of this.listeners) listener();
    });
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const listener of this.listeners) listener();
      });
    });
  }

  send(text: string): void {
    this.ws.send(text);
  }

  /** Waits (bounded) until `check` returns a value other than undefined. */
  private until<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = JSON.stringify(this.messages.slice(this.cursor));
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; unread: ${seen}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(attempt);
      };
      this.listeners.add(attempt);
      attempt();
    });
  }

  private findFrom(predicate: Predicate): number | undefined {
    for (let index = this.cursor; index < this.messages.length; index++) {
      if (predicate(this.messages[index])) return index;
    }
    return undefined;
  }

  /** The first unread message matching `predicate`; it and anything before it become read. */
  async waitFor(predicate: Predicate, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Message> {
    const index = await this.until(() => this.findFrom(predicate), timeoutMs, 'a message');
    this.cursor = index + 1;
    return this.messages[index];
  }

  /**
   * Waits for the sentinel and fails if any other message arrived before it: the way to show
   * a socket did not receive an event, given the sentinel travels the same lane after it.
   */
  async expectNothingUntil(sentinel: Predicate, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    const index = await this.until(() => this.findFrom(sentinel), timeoutMs, 'the sentinel');
    const unexpected = this.messages.slice(this.cursor, index);
    this.cursor = index + 1;
    if (unexpected.length > 0) {
      throw new Error(`expected nothing before the sentinel, got ${JSON.stringify(unexpected)}`);
    }
  }

  /** Unread messages; they become read. */
  drain(): Message[] {
    const unread = this.messages.slice(this.cursor);
    this.cursor = this.messages.length;
    return unread;
  }

  /** Closes the socket and waits (bounded) for the close to complete. */
  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close(1000, 'test done');
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 2_000));
    await Promise.race([this.closed.then(() => undefined), timeout]);
    // readyState changes asynchronously; the earlier check narrowed its type.
    if ((this.ws.readyState as number) !== WebSocket.CLOSED) this.ws.terminate();
  }
}

function parseJson(text: string): Message {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function readBody(response: NodeJS.ReadableStream): Promise<any> {
  return new Promise((resolve) => {
    let text = '';
    response.on('data', (chunk) => (text += chunk));
    response.on('end', () => resolve(parseJson(text)));
    response.on('error', () => resolve(text));
  });
}

/**
 * Opens `GET /broadcast/v1/websocket?ws_ticket=...`. The ticket is URL-encoded unless `raw`,
 * so a re-encoded ticket reaches the server with exactly its characters.
 */
export function connect(
  baseUrl: string,
  ticket: string,
  options: { raw?: boolean; timeoutMs?: number } = {},
): Promise<Connection> {
  const value = options.raw ? ticket : encodeURIComponent(ticket);
  const url = `${baseUrl.replace(/^http/, 'ws')}/broadcast/v1/websocket?ws_ticket=${value}`;

  return new Promise((resolve, reject) => {
    // After the close frames crossed, wrangler dev's proxy keeps the TCP connection open for
    // a while; the close code is known by then, so stop waiting for the socket to end. (ws
    // supports closeTimeout; its type definitions do not list it yet.)
    const clientOptions = { handshakeTimeout: options.timeoutMs ?? 10_000, closeTimeout: 1_000 };
    const ws = new WebSocket(url, clientOptions as WebSocket.ClientOptions);
    ws.once('open', () => resolve({ kind: 'open', socket: new TestSocket(ws) }));
    ws.once('unexpected-response', (_request, response) => {
      void readBody(response).then((body) => {
        resolve({ kind: 'refused', status: response.statusCode ?? 0, body });
        ws.terminate();
      });
    });
    // Kept for the socket's life: an error event without a listener would throw.
    ws.on('error', (error) => reject(error));
  });
}

/** connect(), failing the test unless the socket opens. */
export async function openSocket(baseUrl: string, ticket: string): Promise<TestSocket> {
  const connection = await connect(baseUrl, ticket);
  if (connection.kind === 'refused') {
    const reason = JSON.stringify(connection.body);
    throw new Error(`websocket refused with ${connection.status}: ${reason}`);
  }
  return connection.socket;
}

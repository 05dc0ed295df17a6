// The fan-out baseline: a plain Node `ws` server, run as its own process so its CPU can be
// read like workerd's. It does what the Broadcaster does minus everything the product adds:
// no tickets, no claims, no masking, no serialization. A write arrives over one HTTP hop
// carrying the frames already serialized (one per view) and which view each client class
// gets; the server sends those bytes to every socket of the lane.
//
//   GET  /ws?lane=<lane>&class=<n>   WebSocket (permessage-deflate off, as in workerd)
//   POST /publish  { lane, frames: string[], frameOfClass: number[] }
//                  -> { recipients, serializations }
//
// Prints `{"port":<n>}` on stdout once it listens on 127.0.0.1.

import http from 'node:http';

import { WebSocketServer, type WebSocket } from 'ws';

interface Subscriber {
  ws: WebSocket;
  classId: number;
}

interface PublishBody {
  lane: string;
  frames: string[];
  frameOfClass: number[];
}

const lanes = new Map<string, Subscriber[]>();

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function publish(body: PublishBody): { recipients: number; serializations: number } {
  // UTF-8 encoding happens once per frame here, not once per socket in send().
  const frames = body.frames.map((frame) => Buffer.from(frame, 'utf8'));
  let recipients = 0;
  for (const subscriber of lanes.get(body.lane) ?? []) {
    const frame = frames[body.frameOfClass[subscriber.classId] ?? -1];
    if (frame === undefined || subscriber.ws.readyState !== subscriber.ws.OPEN) continue;
    subscriber.ws.send(frame, { binary: false });
    recipients += 1;
  }
  return { recipients, serializations: frames.length };
}

const server = http.createServer(async (request, response) => {
  if (request.method !== 'POST' || request.url !== '/publish') {
    response.writeHead(404).end();
    return;
  }
  const result = publish(JSON.parse(await readBody(request)) as PublishBody);
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
});

const sockets = new WebSocketServer({ server, path: '/ws', perMessageDeflate: false });
sockets.on('connection', (ws, request) => {
  const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
  const lane = query.get('lane') ?? '';
  const subscriber = { ws, classId: Number(query.get('class')) };
  const list = lanes.get(lane) ?? [];
  list.push(subscriber);
  lanes.set(lane, list);

  ws.on('close', () => {
    const current = lanes.get(lane) ?? [];
    lanes.set(
      lane,
      current.filter((s) => s !== subscriber),
    );
  });
});

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});

// The bench ends this process; a parent that died must not leave it behind.
process.on('disconnect', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

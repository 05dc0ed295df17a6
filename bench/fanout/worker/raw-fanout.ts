// Copied into the fan-out benchmark's project as `src/raw-fanout.ts`: the least a Durable
// Object can do to fan a write out under the same workerd and the same `wrangler dev`. It
// accepts sockets with the hibernation API (no ticket), tags each with its class, and sends
// frames it receives already serialized. Against it, the helper's figures show what the
// quickback runtime adds; against the Node baseline, what workerd and wrangler dev add.
//
//   GET  /bench/raw/<lane>/ws?class=<n>   WebSocket
//   POST /bench/raw/<lane>/publish        { frames: string[], frameOfClass: number[] }

import { DurableObject } from 'cloudflare:workers';

interface RawPublish {
  frames: string[];
  frameOfClass: number[];
}

export class RawFanout extends DurableObject<unknown> {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/ws')) {
      const pair = new WebSocketPair();
      this.ctx.acceptWebSocket(pair[1], [`class:${url.searchParams.get('class') ?? ''}`]);
      return new Response(null, { status: 101, webSocket: pair[0] });
    }

    const body = (await request.json()) as RawPublish;
    let recipients = 0;
    body.frameOfClass.forEach((frameIndex, classId) => {
      const frame = body.frames[frameIndex] as string;
      for (const ws of this.ctx.getWebSockets(`class:${classId}`)) {
        ws.send(frame);
        recipients += 1;
      }
    });
    return Response.json({ recipients, serializations: body.frames.length });
  }
}

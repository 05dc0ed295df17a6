// The realtime routes as one Hono app, mounted by the generated entry at `/broadcast/v1`:
//   POST /ws-ticket   session -> { wsTicket, expiresAt } (body at most 1 MiB unless given)
//   GET  /websocket   ?ws_ticket=... -> WebSocket (101) or 401 with a reason

import { Hono } from 'hono';

import { limitBody } from './request-guards';
import type { AppEnv } from './session';
import { websocketHandler } from './websocket';
import { wsTicketHandler, type WsTicketConfig } from './ws-ticket';

export type { WsTicketConfig } from './ws-ticket';
export type { ResourceTicketConfig } from './resource-access';

export function createBroadcastRoutes(
  config: WsTicketConfig,
  options: { maxBodyBytes?: number } = {},
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/ws-ticket', limitBody(options.maxBodyBytes), wsTicketHandler(config));
  app.get('/websocket', websocketHandler());

  return app;
}

// createCrudRouter: the Hono app a generated `src/routes/<table>.ts` exports, mounted by the
// Worker entry at `/api/v1/<table>`. Every route needs a session (401 without one).
//
//   GET    /        one page: ?limit= (1-200, default 50) and ?cursor= (the last nextCursor)
//   POST   /        create                    -> 201 { data }
//   POST   /batch   { operations: [...] }     -> 200 { results: [{ op, data }] }
//   GET    /:id     one row                   -> 200 { data }
//   PATCH  /:id     partial update            -> 200 { data }
//   DELETE /:id     delete                    -> 200 { data } (the deleted row)
//
// A write route the manifest turned off answers 405 with an Allow header. Bodies over
// `maxBodyBytes` (1 MiB unless given) answer 413, write bodies must be `application/json`
// (else 415), and cookie-authenticated writes must come from a trusted origin (else 403).

import { Hono } from 'hono';

import { limitBody } from '../request-guards';
import { requireSession, type AppEnv, type SessionResolver } from '../session';
import type { CrudTableConfig } from './config';
import { CrudError, errorResponse } from './errors';
import { getRow, listRows } from './read-routes';
import { handle, type CrudContext } from './request';
import { batchRows, createRow, deleteRow, updateRow } from './write-routes';

type Handler = (config: CrudTableConfig, c: CrudContext) => Promise<Response>;

export interface CrudRouterOptions {
  /** Largest accepted request body in bytes (default MAX_BODY_BYTES, 1 MiB). */
  maxBodyBytes?: number;
}

export function createCrudRouter(
  config: CrudTableConfig,
  resolveSession: SessionResolver,
  options: CrudRouterOptions = {},
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', limitBody(options.maxBodyBytes));
  app.use('*', requireSession(resolveSession));

  const route = (handler: Handler) => handle(config, (c) => handler(config, c));
  const { crud } = config;

  app.get('/', route(listRows));
  if (crud.create) app.post('/', route(createRow));
  if (crud.batch) app.post('/batch', route(batchRows));
  app.get('/:id', route(getRow));
  if (crud.update) app.patch('/:id', route(updateRow));
  if (crud.delete) app.delete('/:id', route(deleteRow));

  const itemMethods = [
    'GET',
    ...(crud.update ? ['PATCH'] : []),
    ...(crud.delete ? ['DELETE'] : []),
  ];
  // `/batch` is also an item path: GET, PATCH and DELETE on it reached the `/:id` routes above.
  app.all('/batch', notAllowed(config, [...itemMethods, ...(crud.batch ? ['POST'] : [])]));
  app.all('/:id', notAllowed(config, itemMethods));
  app.all('/', notAllowed(config, ['GET', ...(crud.create ? ['POST'] : [])]));
  return app;
}

function notAllowed(config: CrudTableConfig, allowed: string[]) {
  return (c: CrudContext) => {
    const error = new CrudError(405, `${c.req.method} is not allowed here on ${config.name}`);
    return errorResponse(error, { allow: allowed.join(', ') });
  };
}

// GET / (one page) and GET /:id. Both see only rows inside the caller's firewall and mask them
// for the caller, exactly as an event would be masked for the caller's socket.

import { maskForCaller } from './caller-view';
import type { CrudTableConfig } from './config';
import { decodeCursor, encodeCursor, readLimit } from './cursor';
import { all } from './d1';
import { CrudError } from './errors';
import { databaseOf, sessionOf, type CrudContext } from './request';
import { firewallValues } from './scope';
import { selectOne, selectPage } from './sql';
import { readId } from './validate';
import { decodeRow, fromSql, type SqlValue } from './values';

export async function listRows(config: CrudTableConfig, c: CrudContext): Promise<Response> {
  const session = sessionOf(c);
  const firewall = firewallValues(config, session);
  const limit = readLimit(c.req.query('limit'));
  const after = decodeCursor(c.req.query('cursor'));

  const rows = await all(databaseOf(c, config), selectPage(config, firewall, limit, after));
  const page = rows.slice(0, limit).map((row) => fromSql(config, row));
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor(last[config.primaryKey] as SqlValue) : null;

  const data = page.map((row) => maskForCaller(config, decodeRow(config, row), session));
  return c.json({ data, nextCursor });
}

export async function getRow(config: CrudTableConfig, c: CrudContext): Promise<Response> {
  const session = sessionOf(c);
  const firewall = firewallValues(config, session);
  const id = readId(config, c.req.param('id'));

  const [row] = await all(databaseOf(c, config), selectOne(config, firewall, id));
  if (row === undefined) throw new CrudError(404, `${config.name} ${String(id)} not found`);

  const data = maskForCaller(config, decodeRow(config, fromSql(config, row)), session);
  return c.json({ data });
}

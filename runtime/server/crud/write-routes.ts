// POST /, PATCH /:id, DELETE /:id and POST /batch. Each turns its request into operations,
// commits them in one transaction, announces what changed, then answers with the rows as the
// caller may see them (masked like a list).

import { announce } from './announce';
import { maskForCaller } from './caller-view';
import { commitWrites, type WriteOutcome } from './commit';
import type { CrudTableConfig } from './config';
import { readBatch, type Operation } from './operations';
import { databaseOf, jsonBody, sessionOf, type CrudContext } from './request';
import { broadcastTarget, firewallValues, sessionValues } from './scope';
import type { JsonRow } from './values';

async function write(
  config: CrudTableConfig,
  c: CrudContext,
  operations: Operation[],
  batch = false,
): Promise<WriteOutcome[]> {
  const session = sessionOf(c);
  const firewall = firewallValues(config, session);

  const outcomes = await commitWrites({
    db: databaseOf(c, config),
    config,
    firewall,
    sessionValues: sessionValues(config, session, firewall),
    operations,
    batch,
  });
  await announce(c.env, config, outcomes, broadcastTarget(config, session));
  return outcomes;
}

function show(config: CrudTableConfig, c: CrudContext, row: JsonRow | null): JsonRow | null {
  return row === null ? null : maskForCaller(config, row, sessionOf(c));
}

export async function createRow(config: CrudTableConfig, c: CrudContext): Promise<Response> {
  const data = await jsonBody(c);
  const [outcome] = await write(config, c, [{ op: 'create', data }]);
  return c.json({ data: show(config, c, outcome?.new ?? null) }, 201);
}

export async function updateRow(config: CrudTableConfig, c: CrudContext): Promise<Response> {
  const data = await jsonBody(c);
  const [outcome] = await write(config, c, [{ op: 'update', id: c.req.param('id'), data }]);
  return c.json({ data: show(config, c, outcome?.new ?? null) });
}

export async function deleteRow(config: CrudTableConfig, c: CrudContext): Promise<Response> {
  const [outcome] = await write(config, c, [{ op: 'delete', id: c.req.param('id') }]);
  return c.json({ data: show(config, c, outcome?.old ?? null) });
}

export async function batchRows(config: CrudTableConfig, c: CrudContext): Promise<Response> {
  const operations = readBatch(await jsonBody(c), config.crud);
  const outcomes = await write(config, c, operations, true);

  const results = outcomes.map((outcome) => ({
    op: outcome.op,
    data: show(config, c, outcome.op === 'delete' ? outcome.old : outcome.new),
  }));
  return c.json({ results });
}

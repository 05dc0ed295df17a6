// The write operations the routes perform, as data. POST, PATCH and DELETE are one operation
// each; POST /batch is a list of them:
//
//   { "operations": [
//       { "op": "create", "data": { ... } },
//       { "op": "update", "id": "app_1", "data": { ... } },
//       { "op": "delete", "id": "app_2" } ] }

import type { CrudFlags } from './config';
import { CrudError } from './errors';
import { isPlainObject } from './validate';

export const MAX_BATCH = 100;

export type Operation =
  | { op: 'create'; data: unknown }
  | { op: 'update'; id: unknown; data: unknown }
  | { op: 'delete'; id: unknown };

const KEYS: Record<Operation['op'], string[]> = {
  create: ['op', 'data'],
  update: ['op', 'id', 'data'],
  delete: ['op', 'id'],
};

/** Prefix for messages about one item of a batch; empty for single-row routes. */
export function itemLabel(index: number | null): string {
  return index === null ? '' : `operations[${index}]: `;
}

export function readBatch(body: unknown, crud: CrudFlags): Operation[] {
  if (!isPlainObject(body)) throw new CrudError(400, 'the body must be a JSON object');

  const extra = Object.keys(body).filter((key) => key !== 'operations');
  if (extra.length > 0) throw new CrudError(400, `unknown field(s): ${extra.join(', ')}`);

  const list = body.operations;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BATCH) {
    throw new CrudError(400, `operations must be an array of 1 to ${MAX_BATCH} items`);
  }
  return list.map((item, index) => readOperation(item, itemLabel(index), crud));
}

function readOperation(item: unknown, where: string, crud: CrudFlags): Operation {
  if (!isPlainObject(item)) throw new CrudError(400, `${where}each operation must be an object`);

  const op = item.op;
  if (op !== 'create' && op !== 'update' && op !== 'delete') {
    throw new CrudError(400, `${where}op must be "create", "update" or "delete"`);
  }
  if (!crud[op]) throw new CrudError(400, `${where}${op} is not allowed on this table`);

  const extra = Object.keys(item).filter((key) => !KEYS[op].includes(key));
  if (extra.length > 0) throw new CrudError(400, `${where}unknown field(s): ${extra.join(', ')}`);

  if (op === 'create') return { op, data: item.data };
  if (op === 'update') return { op, id: item.id, data: item.data };
  return { op, id: item.id };
}

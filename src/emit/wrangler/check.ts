// Proof that a text-level merge did what it meant to: the merged file, read back, holds exactly
// the user's data plus the entries quickback added, nothing more and nothing less.

import { isObject, type JsonObject, type JsonValue, type WranglerNeeds } from './needs.ts';

/** The data the merged file must hold: the user's data with the needed entries added. */
export function expectedData(original: JsonObject, needs: WranglerNeeds): JsonObject {
  const data = structuredClone(original);
  for (const [key, value] of needs.topLevel) data[key] = value;
  if (needs.d1) pushInto(data, ['d1_databases'], needs.d1);
  if (needs.durableObject) pushInto(data, ['durable_objects', 'bindings'], needs.durableObject);
  if (needs.migration) pushInto(data, ['migrations'], needs.migration);
  return data;
}

function pushInto(data: JsonObject, path: string[], value: JsonObject): void {
  let target = data;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (!isObject(next)) target[key] = {};
    target = target[key] as JsonObject;
  }
  const last = path[path.length - 1]!;
  const list = target[last];
  target[last] = Array.isArray(list) ? [...list, value] : [value];
}

/** Same data, regardless of key order. Dates (TOML has them) compare by instant. */
export function sameData(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const members = entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value as JsonValue) ?? 'undefined';
}

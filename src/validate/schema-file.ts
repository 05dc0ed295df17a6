// Where the published JSON Schema lives, and its parsed contents.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCHEMA_PATH = fileURLToPath(
  new URL('../../schema/quickback.schema.json', import.meta.url),
);

export type JsonSchema = Record<string, unknown>;

let cached: { text: string; schema: JsonSchema } | null = null;

function read(): { text: string; schema: JsonSchema } {
  if (cached === null) {
    const text = readFileSync(SCHEMA_PATH, 'utf8');
    cached = { text, schema: JSON.parse(text) as JsonSchema };
  }
  return cached;
}

/** The schema file's exact bytes, for `quickback schema` and `quickback init`. */
export function schemaText(): string {
  return read().text;
}

export function manifestSchema(): JsonSchema {
  return read().schema;
}

/** Follows a local `#/definitions/x` reference; other schemas come back unchanged. */
export function resolveRef(node: unknown): JsonSchema | null {
  if (node === null || typeof node !== 'object') return null;

  const ref = (node as JsonSchema).$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return node as JsonSchema;

  const definitions = manifestSchema().definitions as Record<string, JsonSchema> | undefined;
  return definitions?.[ref.slice('#/definitions/'.length)] ?? null;
}

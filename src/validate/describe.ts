// Words for schema expectations and for the values users wrote.

import { shorten } from '../diagnostics/text.ts';
import { resolveRef, type JsonSchema } from './schema-file.ts';

export { shorten };

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function jsonType(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'boolean' || type === 'number' || type === 'string') return type;
  return 'object';
}

/** The JSON types a schema accepts, following `$ref` and reading `enum`/`const`. */
export function schemaTypes(node: unknown): JsonType[] {
  const schema = resolveRef(node);
  if (schema === null) return [];

  if (Array.isArray(schema.enum)) return unique(schema.enum.map(jsonType));
  if ('const' in schema) return [jsonType(schema.const)];

  const type = schema.type;
  const names = Array.isArray(type) ? type : typeof type === 'string' ? [type] : [];
  return unique(names.map((n) => (n === 'integer' ? 'number' : n) as JsonType));
}

/** What a schema asks for, in words: `true, false or an object`. */
export function describeExpected(branches: unknown[]): string {
  const parts: string[] = [];

  for (const branch of branches) {
    const schema = resolveRef(branch);
    if (schema && Array.isArray(schema.enum)) {
      parts.push(`one of ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
      continue;
    }
    for (const type of schemaTypes(branch)) parts.push(...describeType(type, schema));
  }

  // Fixed wording order whatever the branch order: the schema lists an object branch first
  // so editors explain a misspelt key inside it, but `true, false or an object` reads best.
  return joinOr(unique(parts).sort((a, b) => wordingRank(a) - wordingRank(b)));
}

const WORDING_ORDER = ['one of', '`true`', '`false`', 'empty', 'a whole', 'a number', 'a string'];

function wordingRank(part: string): number {
  const rank = WORDING_ORDER.findIndex((start) => part.startsWith(start));
  return rank === -1 ? WORDING_ORDER.length : rank;
}

function describeType(type: JsonType, schema: JsonSchema | null): string[] {
  switch (type) {
    case 'boolean':
      return ['`true`', '`false`'];
    case 'null':
      return ['empty'];
    case 'number':
      return [schema?.type === 'integer' ? 'a whole number' : 'a number'];
    case 'string':
      return ['a string'];
    case 'array':
      return ['a list'];
    case 'object':
      return ['an object'];
  }
}

export function describeFound(value: unknown): string {
  switch (jsonType(value)) {
    case 'null':
      return 'nothing';
    case 'boolean':
      return `\`${String(value)}\``;
    case 'number':
      return `the number \`${String(value)}\``;
    case 'string':
      return `the string \`${shorten(String(value))}\``;
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
  }
}

export function joinOr(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? 'something else';
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

// The schema uses only keywords the editors act on. A keyword yaml-language-server ignores
// would be a rule the compiler enforces and the editor never shows (or a description nobody
// sees), so each one used here must be read by the installed server's code.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { manifestSchema } from '../../src/validate/schema-file.ts';

// Keywords whose value is a map of names to schemas, a schema, or a list of schemas.
const SCHEMA_MAPS = new Set(['properties', 'definitions']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'propertyNames', 'if', 'then']);
const SCHEMA_LISTS = new Set(['anyOf']);

// How a schema file names itself and its parts; the schema service resolves these.
const STRUCTURE = new Set(['$schema', '$id', '$ref', 'definitions']);

/** Every keyword used anywhere in the schema, with one place it is used. */
function keywordsOf(node: unknown, path: string, found = new Map<string, string>()) {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return found;

  for (const [keyword, value] of Object.entries(node)) {
    if (!found.has(keyword)) found.set(keyword, `${path}/${keyword}`);
    if (SCHEMA_MAPS.has(keyword)) {
      for (const [name, child] of Object.entries(value as object)) {
        keywordsOf(child, `${path}/${keyword}/${name}`, found);
      }
    } else if (SCHEMA_VALUES.has(keyword)) {
      keywordsOf(value, `${path}/${keyword}`, found);
    } else if (SCHEMA_LISTS.has(keyword)) {
      (value as unknown[]).forEach((child, i) =>
        keywordsOf(child, `${path}/${keyword}/${i}`, found),
      );
    }
  }
  return found;
}

/** The installed yaml-language-server's language service code, as one text. */
function serverSource(): string {
  const require = createRequire(import.meta.url);
  const bin = require.resolve('yaml-language-server/bin/yaml-language-server');
  const root = join(dirname(bin), '../out/server/src/languageservice');
  const files = ['parser/jsonParser07.js', 'services/yamlCompletion.js', 'services/yamlHover.js'];
  expect(readdirSync(join(root, 'parser'))).toContain('jsonParser07.js');
  return files.map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
}

describe('schema keywords', () => {
  const used = keywordsOf(manifestSchema(), '#');
  const source = serverSource();

  it('use no oneOf, allOf or not (unions are anyOf, so no valid value matches twice)', () => {
    expect(['oneOf', 'allOf', 'not'].filter((k) => used.has(k))).toEqual([]);
  });

  for (const [keyword, where] of used) {
    if (STRUCTURE.has(keyword)) continue;

    it(`\`${keyword}\` (first used at ${where}) is read by yaml-language-server`, () => {
      const reads = new RegExp(`\\.${keyword.replace('$', '\\$')}\\b|\\[['"]${keyword}['"]\\]`);
      expect(reads.test(source)).toBe(true);
    });
  }
});

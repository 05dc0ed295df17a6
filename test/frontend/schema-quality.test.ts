// The schema is what editors read: every key explains itself, every enum value too, and
// unions are written so yaml-language-server can tell their branches apart.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { SCHEMA_PATH } from '../../src/validate/schema-file.ts';

type Node = Record<string, unknown>;
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Node;
const definitions = schema.definitions as Record<string, Node>;

const resolve = (node: Node): Node =>
  typeof node.$ref === 'string' ? definitions[node.$ref.replace('#/definitions/', '')]! : node;

// Values, not schemas; and `if`, whose condition repeats a property described beside it.
const SKIPPED = new Set(['defaultSnippets', 'default', 'enum', 'if']);

/** Every schema node with the JSON pointer that reaches it. */
function walk(node: unknown, path: string, visit: (node: Node, path: string) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((child, i) => walk(child, `${path}/${i}`, visit));
    return;
  }
  visit(node as Node, path);
  for (const [key, child] of Object.entries(node)) {
    if (!SKIPPED.has(key)) walk(child, `${path}/${key}`, visit);
  }
}

describe('schema/quickback.schema.json', () => {
  it('is draft-07 with an $id', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toMatch(/^https:\/\//);
  });

  it('describes every property in plain text and markdown', () => {
    const missing: string[] = [];
    walk(schema, '#', (node, path) => {
      for (const [name, property] of Object.entries(
        (node.properties as Record<string, Node>) ?? {},
      )) {
        const target = { ...resolve(property), ...property };
        if (
          typeof target.description !== 'string' ||
          typeof target.markdownDescription !== 'string'
        ) {
          missing.push(`${path}/properties/${name}`);
        }
      }
    });
    expect(missing).toEqual([]);
  });

  it('describes every enum value', () => {
    const bad: string[] = [];
    walk(schema, '#', (node, path) => {
      if (!Array.isArray(node.enum)) return;
      const n = node.enum.length;
      const plain = node.enumDescriptions as unknown[] | undefined;
      const markdown = node.markdownEnumDescriptions as unknown[] | undefined;
      if (plain?.length !== n || markdown?.length !== n) bad.push(path);
    });
    expect(bad).toEqual([]);
  });

  it('closes every object to unknown keys', () => {
    const open: string[] = [];
    walk(schema, '#', (node, path) => {
      if (node.type === 'object' && node.additionalProperties === undefined) open.push(path);
    });
    expect(open).toEqual([]);
  });

  it('uses anyOf, never oneOf, for unions', () => {
    expect(JSON.stringify(schema)).not.toContain('"oneOf"');
  });

  it('offers snippets for the two-shaped keys and for a column', () => {
    for (const name of ['tableRealtime', 'databaseRealtime', 'namespaceEvents', 'column', 'crud']) {
      expect(definitions[name]!.defaultSnippets, name).toEqual(expect.any(Array));
    }
  });

  it('gives defaults for optional booleans and enums with a documented default', () => {
    const realtime = (definitions.tableRealtime!.anyOf as Node[]).find((b) => b.type === 'object')!
      .properties as Record<string, Node>;
    expect(realtime.onUpdate!.default).toBe(true);
    expect((definitions.output!.properties as Record<string, Node>).wranglerFormat!.default).toBe(
      'toml',
    );
    expect((schema.properties as Record<string, Node>).compatibilityDate!.default).toBe(
      '2025-09-01',
    );
  });
});

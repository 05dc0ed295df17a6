// Reads what the published schema says, so tests compare the editor's answers with the schema
// text itself rather than with copies of it.

import { manifestSchema, type JsonSchema } from '../../../src/validate/schema-file.ts';

export function definition(name: string): JsonSchema {
  const definitions = manifestSchema().definitions as Record<string, JsonSchema>;
  const found = definitions[name];
  if (!found) throw new Error(`the schema has no definition \`${name}\``);
  return found;
}

/** The schema at a chain of property names from the root (through `properties` only). */
export function propertyAt(...path: string[]): JsonSchema {
  let node = manifestSchema();
  for (const key of path) {
    const next = (node.properties as Record<string, JsonSchema> | undefined)?.[key];
    if (!next) throw new Error(`the schema has no property \`${path.join('.')}\``);
    node = next;
  }
  return node;
}

/** Each enum value with the Markdown an editor shows for it. */
export function enumDocs(node: JsonSchema): Map<string, string> {
  const values = (node.enum as unknown[]).map(String);
  const docs = (node.markdownEnumDescriptions as string[] | undefined) ?? [];
  return new Map(values.map((value, i) => [value, docs[i] ?? '']));
}

/** Each property name with the Markdown an editor shows for it. */
export function propertyDocs(node: JsonSchema): Map<string, string> {
  const properties = node.properties as Record<string, JsonSchema>;
  return new Map(
    Object.entries(properties).map(([key, value]) => [key, String(value.markdownDescription)]),
  );
}

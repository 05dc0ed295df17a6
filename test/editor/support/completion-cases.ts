// Completion requests both editors must answer the same way: each case is one place in a
// manifest, written once as YAML (modeline) and once as JSON ("$schema"), and what must be
// offered there. Expected documentation comes from the schema text.

import type { CompletionItem } from 'vscode-languageserver-protocol/node';

import type { JsonSchema } from '../../../src/validate/schema-file.ts';
import { definition, enumDocs, propertyDocs } from './schema-facts.ts';
import { MODELINE, lines } from './workspace.ts';

export interface CompletionCase {
  name: string;
  yaml: string;
  json: string;
  /** Labels that must all be offered (enum values without JSON's quotes). */
  offered: string[];
  /** When set, the property keys offered must be exactly these. */
  onlyKeys?: string[];
  /** Labels whose documentation must be exactly this Markdown. */
  docs?: Map<string, string>;
}

/** A completion item as the tests compare it. */
export interface Offer {
  label: string;
  isKey: boolean;
  doc: string;
}

const PROPERTY_KIND = 10;

export function offers(items: CompletionItem[]): Offer[] {
  return items.map((item) => ({
    label: item.label.replace(/^"(.*)"$/, '$1'),
    isKey: item.kind === PROPERTY_KIND,
    doc:
      typeof item.documentation === 'string'
        ? item.documentation
        : (item.documentation?.value ?? ''),
  }));
}

const yamlTable = (...rest: string[]) =>
  lines(
    MODELINE,
    'name: app',
    'tables:',
    '  items:',
    '    columns:',
    '      id: { type: text, primaryKey: true }',
    ...rest,
  );

const jsonTable = (columnsTail: string, tableTail: string) =>
  [
    '{',
    '  "$schema": "./quickback.schema.json",',
    '  "name": "app",',
    '  "tables": {',
    '    "items": {',
    `      "columns": { "id": { "type": "text", "primaryKey": true }${columnsTail} }${tableTail}`,
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

const jsonRoot = (body: string) =>
  `{\n  "$schema": "./quickback.schema.json",\n  "name": "app",\n  ${body}\n}\n`;

const yamlNamespace = (...rest: string[]) =>
  lines(MODELINE, 'name: app', 'realtime:', '  namespaces:', '    screening:', ...rest);

const propertyOf = (name: string, key: string) =>
  (definition(name).properties as Record<string, JsonSchema>)[key]!;
const tableRealtimeOptions = (definition('tableRealtime').anyOf as JsonSchema[]).find(
  (b) => b.type === 'object',
)!;
const columnTypes = enumDocs(definition('columnType'));
const payloadTypes = enumDocs(definition('payloadFieldType'));

export const COMPLETION_CASES: CompletionCase[] = [
  {
    name: "inside a table's realtime: every option key",
    yaml: yamlTable('    realtime:', '      <|>'),
    json: jsonTable('', ', "realtime": { <|> }'),
    offered: [],
    onlyKeys: ['enabled', 'onInsert', 'onUpdate', 'onDelete', 'requiredRoles', 'fields'],
    docs: propertyDocs(tableRealtimeOptions),
  },
  {
    name: "a table's realtime value: true, false and the options object",
    yaml: yamlTable('    realtime: <|>'),
    json: jsonTable('', ', "realtime": <|>'),
    offered: ['true', 'false', 'options'],
  },
  {
    name: 'the value of providers.database.realtime: true, false and wsTicket',
    yaml: lines(MODELINE, 'name: app', 'providers:', '  database:', '    realtime: <|>'),
    json: jsonRoot('"providers": { "database": { "realtime": <|> } }'),
    offered: ['true', 'false', 'wsTicket'],
  },
  {
    name: 'inside providers.database.realtime: enabled and wsTicket',
    yaml: lines(MODELINE, 'name: app', 'providers:', '  database:', '    realtime:', '      <|>'),
    json: jsonRoot('"providers": { "database": { "realtime": { <|> } } }'),
    offered: [],
    onlyKeys: ['enabled', 'wsTicket'],
  },
  {
    name: "a mask's type: the six masks, each described",
    yaml: yamlTable('      phone: text', '    masking:', '      phone:', '        type: <|>'),
    json: jsonTable(', "phone": "text"', ', "masking": { "phone": { "type": <|> } }'),
    offered: ['email', 'phone', 'ssn', 'creditCard', 'name', 'redact'],
    docs: enumDocs(propertyOf('maskRule', 'type')),
  },
  {
    name: "a column's type shorthand: the six types and the object form",
    yaml: yamlTable('      title: <|>'),
    json: jsonTable(', "title": <|>', ''),
    offered: [...columnTypes.keys(), 'column'],
  },
  {
    name: "a column object's type: the six types, each described",
    yaml: yamlTable('      title:', '        type: <|>'),
    json: jsonTable(', "title": { "type": <|> }', ''),
    offered: [...columnTypes.keys()],
    docs: columnTypes,
  },
  {
    name: "a namespace's events: the list form and the typed-map form",
    yaml: yamlNamespace('      events: <|>'),
    json: jsonRoot('"realtime": { "namespaces": { "screening": { "events": <|> } } }'),
    offered: ['list', 'typed'],
  },
  {
    name: 'inside a typed event: description and payload',
    yaml: yamlNamespace('      events:', '        progress:', '          <|>'),
    json: jsonRoot('"realtime": { "namespaces": { "s": { "events": { "progress": { <|> } } } } }'),
    offered: [],
    onlyKeys: ['description', 'payload'],
  },
  {
    name: "a payload field's type: the six payload types, each described",
    yaml: yamlNamespace(
      '      events:',
      '        progress:',
      '          payload:',
      '            n: <|>',
    ),
    json: jsonRoot(
      '"realtime": { "namespaces": { "s": { "events": { "p": { "payload": { "n": <|> } } } } } }',
    ),
    offered: [...payloadTypes.keys()],
    docs: payloadTypes,
  },
  {
    name: "a table's crud value: true, false and the routes object",
    yaml: yamlTable('    crud: <|>'),
    json: jsonTable('', ', "crud": <|>'),
    offered: ['true', 'false', 'routes'],
  },
  {
    name: "auth's provider: both providers, each described",
    yaml: lines(MODELINE, 'name: app', 'auth:', '  provider: <|>'),
    json: jsonRoot('"auth": { "provider": <|> }'),
    offered: ['better-auth', 'custom'],
    docs: enumDocs(propertyOf('auth', 'provider')),
  },
];

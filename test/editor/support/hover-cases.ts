// Places a user hovers over, and the schema text the hover must show there.

import type { JsonSchema } from '../../../src/validate/schema-file.ts';
import { definition, enumDocs, propertyAt } from './schema-facts.ts';
import { CURSOR, MODELINE, lines } from './workspace.ts';

export interface HoverCase {
  name: string;
  /** A YAML manifest with the cursor marker inside the word to hover. */
  marked: string;
  /** Markdown the hover must contain. */
  shows: string;
}

const MANIFEST = [
  MODELINE,
  'name: app',
  'roles: [owner, member]',
  'providers:',
  '  database:',
  '    realtime: true',
  'tables:',
  '  items:',
  '    columns:',
  '      id: { type: text, primaryKey: true }',
  '      phone: text',
  '    masking:',
  '      phone: { type: phone, show: { roles: [owner] } }',
  '    crud: { create: true, update: false }',
  '    realtime:',
  '      onDelete: false',
  '      requiredRoles: [member]',
  'realtime:',
  '  namespaces:',
  '    screening:',
  '      events: [started]',
];

/** MANIFEST with the cursor one character into `word`, on the line that reads `row`. */
function at(row: string, word: string): string {
  const index = MANIFEST.indexOf(row);
  const column = row.lastIndexOf(word);
  if (index < 0 || column < 0) throw new Error(`no line \`${row}\` holding \`${word}\``);

  const marked = `${row.slice(0, column + 1)}${CURSOR}${row.slice(column + 1)}`;
  return lines(...MANIFEST.slice(0, index), marked, ...MANIFEST.slice(index + 1));
}

const properties = (node: JsonSchema) => node.properties as Record<string, JsonSchema>;
const markdown = (node: JsonSchema | undefined) => String(node?.markdownDescription);
const of = (name: string, key: string) => markdown(properties(definition(name))[key]);
const realtimeOption = (key: string) => {
  const options = (definition('tableRealtime').anyOf as JsonSchema[]).find(
    (b) => b.type === 'object',
  )!;
  return markdown(properties(options)[key]);
};
const maskTypes = enumDocs(properties(definition('maskRule')).type!);

export const HOVER_CASES: HoverCase[] = [
  { name: 'name', marked: at('name: app', 'name'), shows: markdown(propertyAt('name')) },
  {
    name: 'roles',
    marked: at('roles: [owner, member]', 'roles'),
    shows: markdown(propertyAt('roles')),
  },
  {
    name: 'providers.database.realtime',
    marked: at('    realtime: true', 'realtime'),
    shows: of('database', 'realtime'),
  },
  {
    name: "a table's columns",
    marked: at('    columns:', 'columns'),
    shows: of('table', 'columns'),
  },
  {
    name: "a table's masking",
    marked: at('    masking:', 'masking'),
    shows: of('table', 'masking'),
  },
  {
    name: "a mask's type",
    marked: at('      phone: { type: phone, show: { roles: [owner] } }', 'type'),
    shows: of('maskRule', 'type'),
  },
  {
    name: 'a mask type value: what the mask does',
    marked: at('      phone: { type: phone, show: { roles: [owner] } }', 'phone,'),
    shows: maskTypes.get('phone')!,
  },
  {
    name: "a table's crud",
    marked: at('    crud: { create: true, update: false }', 'crud'),
    shows: of('table', 'crud'),
  },
  {
    name: "a table's realtime",
    marked: at('    realtime:', 'realtime'),
    shows: of('table', 'realtime'),
  },
  {
    name: 'realtime.onDelete',
    marked: at('      onDelete: false', 'onDelete'),
    shows: realtimeOption('onDelete'),
  },
  {
    name: 'realtime.requiredRoles',
    marked: at('      requiredRoles: [member]', 'requiredRoles'),
    shows: realtimeOption('requiredRoles'),
  },
  {
    name: 'realtime.namespaces',
    marked: at('  namespaces:', 'namespaces'),
    shows: of('realtime', 'namespaces'),
  },
  {
    name: "a namespace's events",
    marked: at('      events: [started]', 'events'),
    shows: of('namespace', 'events'),
  },
];

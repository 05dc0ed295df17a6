// Completions a user accepts on the way to a working manifest. Accepting each one must leave
// a manifest that the editor and `quickback check` both accept, so no snippet or default the
// schema offers writes something the compiler then rejects.

import { MODELINE, lines } from './workspace.ts';

export interface AcceptCase {
  /** The completion item's label. */
  label: string;
  marked: string;
}

const organizationTable = [
  'tables:',
  '  items:',
  '    columns:',
  '      id: { type: text, primaryKey: true }',
  '      organizationId: text',
  '    firewall:',
  '      - { field: organizationId, equals: ctx.activeOrgId }',
];

// The tables the wsTicket snippet's placeholders name, as in the events example.
const ticketTables = [
  'tables:',
  '  events:',
  '    columns:',
  '      id: { type: text, primaryKey: true }',
  '      organizationId: text',
  '    firewall:',
  '      - { field: organizationId, equals: ctx.activeOrgId }',
  '  event_attendees:',
  '    columns:',
  '      id: { type: text, primaryKey: true }',
  '      eventId: text',
  '      userId: text',
  '      role: text',
  '      organizationId: text',
  '    firewall:',
  '      - { field: organizationId, equals: ctx.activeOrgId }',
];

const namespace = ['realtime:', '  namespaces:', '    screening:'];

export const ACCEPT_CASES: AcceptCase[] = [
  { label: 'auth', marked: lines(MODELINE, 'name: app', '<|>') },
  { label: 'output', marked: lines(MODELINE, 'name: app', '<|>') },
  { label: 'compatibilityDate', marked: lines(MODELINE, 'name: app', '<|>') },
  {
    label: 'databaseId',
    marked: lines(MODELINE, 'name: app', 'providers:', '  database:', '    <|>'),
  },
  { label: 'table', marked: lines(MODELINE, 'name: app', 'tables:', '  <|>') },
  {
    label: 'namespace',
    marked: lines(MODELINE, 'name: app', 'realtime:', '  namespaces:', '    <|>'),
  },
  {
    label: 'options',
    marked: lines(MODELINE, 'name: app', ...organizationTable, '    realtime: <|>'),
  },
  { label: 'routes', marked: lines(MODELINE, 'name: app', ...organizationTable, '    crud: <|>') },
  {
    label: 'column',
    marked: lines(
      MODELINE,
      'name: app',
      ...organizationTable.slice(0, 5),
      '      title: <|>',
      ...organizationTable.slice(5),
    ),
  },
  { label: 'list', marked: lines(MODELINE, 'name: app', ...namespace, '      events: <|>') },
  { label: 'typed', marked: lines(MODELINE, 'name: app', ...namespace, '      events: <|>') },
  {
    label: 'wsTicket',
    marked: lines(
      MODELINE,
      'name: app',
      'providers:',
      '  database:',
      '    realtime: <|>',
      ...ticketTables,
    ),
  },
];

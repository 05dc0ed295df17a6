// One case per diagnostic code: the exact message, line and column users see.

import { describe, expect, it } from 'vitest';

import { ALL_CODES } from '../../src/diagnostics/codes.ts';
import { readProject } from '../../src/frontend.ts';
import { brief, readText, yaml } from './helpers.ts';

// A valid table to build cases on: lines 2-8 of a manifest whose first line is `name: app`.
const TABLE = [
  'tables:',
  '  t:',
  '    columns:',
  '      id: { type: text, primaryKey: true }',
  '      organizationId: text',
  '    firewall:',
  '      - { field: organizationId, equals: ctx.activeOrgId }',
];

interface Case {
  code: string;
  name: string;
  text: string;
  file?: string;
  extra?: Record<string, string>;
  expected: string[];
}

const cases: Case[] = [
  {
    code: 'QB002',
    name: 'a YAML syntax error',
    text: yaml('name: app', 'roles: [owner, admin', ...TABLE),
    expected: [
      '3:1 error QB002 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
  },
  {
    code: 'QB002',
    name: 'a JSON syntax error',
    file: 'quickback.json',
    text: '{\n  "name": "app",\n  "roles": ["owner",]\n}\n',
    expected: ['3:21 error QB002 JSON syntax error: value expected'],
  },
  {
    code: 'QB002',
    name: 'a trailing comma in a JSON object, reported once',
    file: 'quickback.json',
    text: '{\n  "name": "app",\n  "roles": ["owner"],\n}\n',
    expected: ['4:1 error QB002 JSON syntax error: property name expected'],
  },
  {
    code: 'QB003',
    name: 'a duplicate YAML key',
    text: yaml('name: app', ...TABLE, 'name: other'),
    expected: ['9:1 error QB003 duplicate key `name`; it is already defined on line 1'],
  },
  {
    code: 'QB003',
    name: 'a duplicate JSON key',
    file: 'quickback.json',
    text: '{\n  "name": "app",\n  "name": "other"\n}\n',
    expected: ['3:3 error QB003 duplicate key `name`; it is already defined on line 2'],
  },
  {
    code: 'QB004',
    name: 'a tab used as indentation',
    text: yaml('name: app', 'output:', '\tclient: true'),
    expected: ['3:1 error QB004 tab used for indentation; YAML indents with spaces only'],
  },
  {
    code: 'QB005',
    name: 'block mappings nested past the limit, at the first key too deep',
    // `name` and the first `a` are level 1; the `a` on line 102 is level 101.
    text: yaml('name: app', ...Array.from({ length: 101 }, (_, i) => `${' '.repeat(i)}a:`)),
    expected: [
      '102:101 error QB005 nesting is too deep: more than 100 levels of lists and mappings, where a manifest needs about eight',
    ],
  },
  {
    code: 'QB005',
    name: '100,000 nested flow lists, caught before the parser recurses',
    text: yaml('name: app', `x: ${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    expected: [
      '2:103 error QB005 nesting is too deep: more than 100 levels of lists and mappings, where a manifest needs about eight',
    ],
  },
  {
    code: 'QB005',
    name: 'block lists and mappings taking turns at one indent',
    // Each line opens a list and a mapping in it; line 51's `a` is level 101.
    text: yaml('x:', ...Array.from({ length: 60 }, (_, i) => `${' '.repeat(2 * i)}- a:`)),
    expected: [
      '51:101 error QB005 nesting is too deep: more than 100 levels of lists and mappings, where a manifest needs about eight',
    ],
  },
  {
    code: 'QB005',
    name: 'deeply nested JSON',
    file: 'quickback.json',
    // The outer object is level 1, so the 100th `{"a": ` (column 7 + 99 * 6) is level 101.
    text: `{"name": "app",\n "x": ${'{"a": '.repeat(100_000)}1${'}'.repeat(100_000)}}`,
    expected: [
      '2:601 error QB005 nesting is too deep: more than 100 levels of lists and mappings, where a manifest needs about eight',
    ],
  },
  {
    code: 'QB010',
    name: 'an unknown key with a suggestion',
    text: yaml('name: app', ...TABLE, '    ownerFeild: organizationId'),
    expected: [
      '9:5 error QB010 unknown key `ownerFeild` (did you mean `ownerField`?) in `tables.t`',
    ],
  },
  {
    code: 'QB011',
    name: 'a missing required key',
    text: yaml('name: app', 'realtime:', '  namespaces:', '    jobs:', '      description: Jobs'),
    expected: ['4:5 error QB011 `realtime.namespaces.jobs` is missing the required key `events`'],
  },
  {
    code: 'QB012',
    name: 'a value of the wrong type',
    text: yaml('name: app', 'output:', '  client: yes'),
    expected: [
      '3:11 error QB012 `output.client` must be `true` or `false`, found the string `yes`',
    ],
  },
  {
    code: 'QB013',
    name: 'an empty value',
    text: yaml('name: app', 'roles:'),
    expected: ['2:1 error QB013 `roles` has no value; expected a list'],
  },
  {
    code: 'QB014',
    name: 'a value outside an enum',
    text: yaml('name: app', 'auth:', '  provider: better_auth'),
    expected: [
      '3:13 error QB014 `auth.provider` cannot be `better_auth` (did you mean `better-auth`?); use one of `better-auth`, `custom`',
    ],
  },
  {
    code: 'QB015',
    name: 'an invalid table name',
    text: yaml(
      'name: app',
      'tables:',
      '  job-posts:',
      '    columns:',
      '      id: { type: text, primaryKey: true }',
    ),
    expected: [
      '3:3 error QB015 `job-posts` is not a valid name in `tables`. Use letters, digits and underscores, not starting with a digit (for example `candidateId`).',
    ],
  },
  {
    code: 'QB016',
    name: 'a badly formed date',
    text: yaml('name: app', 'compatibilityDate: Sept 2025'),
    expected: [
      '2:20 error QB016 `compatibilityDate` cannot be `Sept 2025`. Use a date in the form `YYYY-MM-DD` (for example `2025-09-01`).',
    ],
  },
  {
    code: 'QB017',
    name: 'a role listed twice',
    text: yaml('name: app', 'roles: [owner, member, owner]'),
    expected: ['2:24 error QB017 `roles` lists `owner` more than once'],
  },
  {
    code: 'QB018',
    name: 'a table without columns',
    text: yaml('name: app', 'tables:', '  t:', '    columns: {}'),
    expected: ['4:14 error QB018 `tables.t.columns` is empty; give at least one entry'],
  },
  {
    code: 'QB020',
    name: 'a realtime field that is not a column',
    text: yaml('name: app', ...TABLE, '    realtime:', '      fields: [id, organisationId]'),
    expected: [
      '10:20 error QB020 `tables.t.realtime.fields` names `organisationId`, which is not a column of table `t` (did you mean `organizationId`?)',
    ],
  },
  {
    code: 'QB021',
    name: 'a firewall field that is not a column',
    text: yaml(
      'name: app',
      'tables:',
      '  t:',
      '    columns:',
      '      id: { type: text, primaryKey: true }',
      '      orgId: text',
      '    firewall:',
      '      - { field: organizationId, equals: ctx.activeOrgId }',
    ),
    expected: ['8:18 error QB021 firewall field `organizationId` is not a column of table `t`'],
  },
  {
    code: 'QB022',
    name: 'an ownerField that is not a column',
    text: yaml('name: app', ...TABLE, '    ownerField: createdby'),
    expected: ['9:17 error QB022 ownerField `createdby` is not a column of table `t`'],
  },
  {
    code: 'QB023',
    name: 'a masking key that is not a column',
    text: yaml('name: app', ...TABLE, '    masking:', '      emial: { type: email }'),
    expected: ['10:7 error QB023 masking key `emial` is not a column of table `t`'],
  },
  {
    code: 'QB024',
    name: 'a ticket scope table that is not declared',
    text: yaml(
      'name: app',
      ...TABLE,
      'providers:',
      '  database:',
      '    realtime:',
      '      wsTicket:',
      '        role: attendee',
      '        requestField: tId',
      '        scopeTable: tt',
      '        relation: { table: t, resourceField: id, userField: organizationId, roleField: id }',
    ),
    expected: [
      '15:21 error QB024 `providers.database.realtime.wsTicket.scopeTable` names `tt`, which is not a declared table (did you mean `t`?)',
    ],
  },
  {
    code: 'QB025',
    name: 'a relation field that is not a column',
    text: yaml(
      'name: app',
      ...TABLE,
      'providers:',
      '  database:',
      '    realtime:',
      '      wsTicket:',
      '        role: attendee',
      '        requestField: tId',
      '        scopeTable: t',
      '        relation: { table: t, resourceField: id, userField: userId, roleField: id }',
    ),
    expected: [
      '16:61 error QB025 `providers.database.realtime.wsTicket.relation.userField` names `userId`, which is not a column of table `t`',
    ],
  },
  {
    code: 'QB026',
    name: 'a role missing from roles',
    text: yaml(
      'name: app',
      'roles: [owner, recruiter]',
      ...TABLE,
      '    realtime: { requiredRoles: [owner, recruter] }',
    ),
    expected: [
      '10:40 error QB026 role `recruter` in `tables.t.realtime.requiredRoles` is not in `roles` (did you mean `recruiter`?)',
    ],
  },
  {
    code: 'QB027',
    name: 'a table without a primary key',
    text: yaml(
      'name: app',
      'tables:',
      '  t:',
      '    columns:',
      '      id: text',
      '      organizationId: text',
      '    firewall:',
      '      - { field: organizationId, equals: ctx.activeOrgId }',
    ),
    expected: [
      '3:3 error QB027 table `t` has no primary key; mark one column with `primaryKey: true`',
    ],
  },
  {
    code: 'QB028',
    name: 'a table with two primary keys',
    text: yaml('name: app', ...TABLE).replace(
      '      organizationId: text\n',
      '      organizationId: text\n      code: { type: text, primaryKey: true }\n',
    ),
    expected: ['7:39 error QB028 table `t` has 2 primary keys (`id`, `code`); keep exactly one'],
  },
  {
    code: 'QB029',
    name: 'a namespace named like a helper method',
    text: yaml(
      'name: app',
      'realtime:',
      '  namespaces:',
      '    delete:',
      '      events: [requested]',
    ),
    expected: [
      '4:5 error QB029 namespace `delete` cannot be used: the realtime helper already has a method called `delete`',
    ],
  },
  {
    code: 'QB029',
    name: 'a table named broadcast',
    text: yaml('name: app', ...TABLE).replace('  t:', '  broadcast:'),
    expected: [
      '3:3 error QB029 table `broadcast` cannot be used: its routes file would replace src/routes/broadcast.ts, the realtime routes',
    ],
  },
  {
    code: 'QB029',
    name: 'a table with the SQLite-reserved prefix',
    text: yaml('name: app', ...TABLE).replace('  t:', '  sqlite_stat:'),
    expected: [
      '3:3 error QB029 table `sqlite_stat` cannot be used: SQLite reserves table names starting with `sqlite_`',
    ],
  },
  {
    code: 'QB029',
    name: 'a table with the D1-reserved prefix, in any letter case',
    text: yaml('name: app', ...TABLE).replace('  t:', '  _cf_METADATA:'),
    expected: [
      '3:3 error QB029 table `_cf_METADATA` cannot be used: Cloudflare D1 reserves table names starting with `_cf_`',
    ],
  },
  {
    code: 'QB029',
    name: "a table whose SQL name is D1's migrations table",
    text: yaml('name: app', ...TABLE).replace('  t:', '  d1Migrations:'),
    expected: [
      '3:3 error QB029 table `d1Migrations` cannot be used: it becomes `d1_migrations` in SQL, and Cloudflare D1 keeps its record of applied migrations in a table of that name',
    ],
  },
  {
    code: 'QB029',
    name: 'a table whose SQL name gets the SQLite prefix',
    text: yaml('name: app', ...TABLE).replace('  t:', '  sqliteStat1:'),
    expected: [
      '3:3 error QB029 table `sqliteStat1` cannot be used: it becomes `sqlite_stat1` in SQL, and SQLite reserves table names starting with `sqlite_`',
    ],
  },
  {
    code: 'QB030',
    name: 'or: owner without an owner column',
    text: yaml(
      'name: app',
      ...TABLE,
      '    masking:',
      '      organizationId: { type: redact, show: { or: owner } }',
    ),
    expected: [
      '10:51 error QB030 `or: owner` needs an owner column, but table `t` has no `ownerField` and no `createdBy` column',
    ],
  },
  {
    code: 'QB031',
    name: 'a firewall on a non-text column',
    text: yaml(
      'name: app',
      'tables:',
      '  t:',
      '    columns:',
      '      id: { type: text, primaryKey: true }',
      '      organizationId: integer',
      '    firewall:',
      '      - { field: organizationId, equals: ctx.activeOrgId }',
    ),
    expected: [
      '8:18 error QB031 `tables.t.firewall[0].field` uses column `organizationId` to hold an id, so it must be `text`, not `integer`',
    ],
  },
  {
    code: 'QB032',
    name: 'an enum on a non-text column',
    text: yaml('name: app', ...TABLE).replace(
      '      organizationId: text\n',
      '      organizationId: text\n      level: { type: integer, enum: [low, high] }\n',
    ),
    expected: [
      '7:31 error QB032 column `level` has `enum` but is `integer`; only `text` columns take an enum',
    ],
  },
  {
    code: 'QB033',
    name: 'two columns with one SQL name',
    text: yaml('name: app', ...TABLE).replace(
      '      organizationId: text\n',
      '      organizationId: text\n      organization_id: text\n',
    ),
    expected: [
      '7:7 error QB033 columns `organizationId` and `organization_id` both become `organization_id` in SQL; rename one',
    ],
  },
  {
    code: 'QB034',
    name: 'an auth module with Better Auth',
    text: yaml('name: app', 'auth:', '  provider: better-auth', '  module: ./auth.ts'),
    expected: [
      '4:3 error QB034 auth `module` and `export` apply only to `provider: custom`, not `better-auth`',
    ],
  },
  {
    code: 'QB035',
    name: 'a custom auth module that does not exist',
    text: yaml('name: app', 'auth:', '  provider: custom', '  module: ./src/session.ts'),
    expected: [
      "4:11 error QB035 auth module `./src/session.ts` does not exist; the path is relative to the manifest's folder",
    ],
  },
  {
    code: 'QB036',
    name: 'a date that does not exist',
    text: yaml('name: app', 'compatibilityDate: "2025-02-30"'),
    expected: ['2:20 error QB036 compatibilityDate `2025-02-30` is not a real calendar date'],
  },
  {
    code: 'QB037',
    name: 'a ticket role the role column does not allow',
    text: yaml(
      'name: app',
      ...TABLE,
      'providers:',
      '  database:',
      '    realtime:',
      '      wsTicket:',
      '        role: atendee',
      '        requestField: tId',
      '        scopeTable: t',
      '        relation: { table: t, resourceField: id, userField: organizationId, roleField: role }',
    ).replace(
      '      organizationId: text\n',
      '      organizationId: text\n      role: { type: text, enum: [attendee, host] }\n',
    ),
    expected: [
      '14:15 error QB037 wsTicket role `atendee` is not a value of column `role` (did you mean `attendee`?); its enum allows `attendee`, `host`',
    ],
  },
  {
    code: 'QB051',
    name: 'a ticket scope table without an organization firewall',
    text: yaml(
      'name: app',
      ...TABLE,
      '    realtime: false',
      '  rooms:',
      '    columns:',
      '      id: { type: text, primaryKey: true }',
      '      ownerId: text',
      '    firewall:',
      '      - { field: ownerId, equals: ctx.userId }',
      'providers:',
      '  database:',
      '    realtime:',
      '      wsTicket:',
      '        role: member',
      '        requestField: roomId',
      '        scopeTable: rooms',
      '        relation: { table: t, resourceField: id, userField: organizationId, roleField: id }',
    ),
    expected: [
      "22:21 error QB051 wsTicket scopeTable `rooms` has no organization column, so a ticket cannot check that the resource belongs to the caller's organization; add a firewall rule `{ field: <column>, equals: ctx.activeOrgId }` to the table",
    ],
  },
  {
    code: 'QB052',
    name: 'a table named like a Better Auth table',
    text: yaml('name: app', ...TABLE).replace('  t:', '  member:'),
    expected: [
      "3:3 error QB052 table `member` becomes `member` in SQL, which Better Auth's own tables already use; rename the table",
    ],
  },
  {
    code: 'QB040',
    name: 'realtime fields without the primary key',
    text: yaml('name: app', ...TABLE, '    realtime:', '      fields: [organizationId]'),
    expected: [
      '10:7 warning QB040 realtime `fields` of table `t` leaves out the primary key `id`; it is sent anyway, because clients need it to apply deletes',
    ],
  },
  {
    code: 'QB041',
    name: 'a table without a firewall',
    text: yaml(
      'name: app',
      'tables:',
      '  t:',
      '    columns:',
      '      id: { type: text, primaryKey: true }',
    ),
    expected: [
      '3:3 warning QB041 table `t` has no firewall rule; every signed-in user of every organization can read and change its rows through the CRUD routes',
    ],
  },
];

describe('diagnostic codes', () => {
  for (const c of cases) {
    it(`${c.code}: ${c.name}`, async () => {
      const result = await readText(c.text, c.file, c.extra);
      expect(brief(result)).toEqual(c.expected);
      const failed = c.expected.some((e) => e.includes(' error '));
      expect(result.model === null).toBe(failed);
    });
  }

  it('QB001: a manifest that does not exist', async () => {
    const result = await readProject('/nonexistent/quickback.yaml', {
      displayPath: 'quickback.yaml',
    });
    expect(result.diagnostics).toEqual([
      {
        code: 'QB001',
        severity: 'error',
        message: 'cannot read quickback.yaml: no such file',
        file: 'quickback.yaml',
        range: null,
      },
    ]);
  });

  it('has a case for every code the front end reports', () => {
    const tested = new Set([...cases.map((c) => c.code), 'QB001', 'QB019']);
    // QB001-QB049 are the front end's; QB051 and QB052 are build codes it also checks early.
    const early = new Set(['QB051', 'QB052']);
    const frontEnd = ALL_CODES.filter((code) => Number(code.slice(2)) < 50 || early.has(code));
    expect(frontEnd.filter((code) => !tested.has(code))).toEqual([]);
  });
});

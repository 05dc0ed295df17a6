// Normalization: every default applied, so later stages never guess.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { readProject } from '../../src/frontend.ts';
import { readText, writeProject, yaml } from './helpers.ts';

const table = (...extra: string[]) => [
  '  t:',
  '    columns:',
  '      id: { type: text, primaryKey: true }',
  '      organizationId: text',
  '    firewall:',
  '      - { field: organizationId, equals: ctx.activeOrgId }',
  ...extra,
];

async function model(text: string) {
  const result = await readText(text);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.model!;
}

describe('normalize', () => {
  it('fills project defaults', async () => {
    const m = await model(yaml('name: shop', 'tables:', ...table()));

    expect(m.compatibilityDate).toBe('2025-09-01');
    expect(m.roles).toBeNull();
    expect(m.auth).toEqual({ provider: 'better-auth' });
    expect(m.database).toEqual({
      provider: 'cloudflare-d1',
      binding: 'DB',
      databaseName: 'shop',
      databaseId: '00000000-0000-0000-0000-000000000000',
      realtime: false,
      wsTicket: null,
    });
    expect(m.output).toEqual({ client: false, wranglerFormat: 'toml' });
    expect(m.namespaces).toEqual([]);
    expect(m.tables[0]!.crud).toEqual({ create: true, update: true, delete: true, batch: true });
    expect(m.tables[0]!.realtime.enabled).toBe(false);
  });

  it('expands shorthand columns and names them in snake_case for SQL', async () => {
    const m = await model(
      yaml(
        'name: shop',
        'tables:',
        '  orderLines:',
        '    columns:',
        '      id: { type: text, primaryKey: true }',
        '      HTTPStatus: integer',
        '      createdBy: text',
      ),
    );
    const t = m.tables[0]!;

    expect(t.sqlName).toBe('order_lines');
    expect(t.columns).toEqual([
      { name: 'id', sqlName: 'id', type: 'text', primaryKey: true, required: true, enum: null },
      {
        name: 'HTTPStatus',
        sqlName: 'http_status',
        type: 'integer',
        primaryKey: false,
        required: false,
        enum: null,
      },
      {
        name: 'createdBy',
        sqlName: 'created_by',
        type: 'text',
        primaryKey: false,
        required: false,
        enum: null,
      },
    ]);
    expect(t.ownerField).toBe('createdBy');
  });

  it('infers no owner from a createdBy column that is not text', async () => {
    const m = await model(
      yaml('name: shop', 'tables:', ...table('    ')).replace(
        'organizationId: text',
        'organizationId: text\n      createdBy: integer',
      ),
    );
    expect(m.tables[0]!.ownerField).toBeNull();
  });

  it('lets a table override project-wide realtime either way', async () => {
    const m = await model(
      yaml(
        'name: shop',
        'providers: { database: { realtime: true } }',
        'tables:',
        ...table(),
        ...table('    realtime: false').map((l) => l.replace('  t:', '  off:')),
        ...table('    realtime: { onDelete: false }').map((l) => l.replace('  t:', '  tuned:')),
      ),
    );

    expect(m.database.realtime).toBe(true);
    expect(m.tables.map((t) => [t.name, t.realtime.enabled, t.realtime.onDelete])).toEqual([
      ['t', true, true],
      ['off', false, true],
      ['tuned', true, false],
    ]);
  });

  it('turns a table on when it writes the object form without a project default', async () => {
    const m = await model(
      yaml('name: shop', 'tables:', ...table('    realtime: { requiredRoles: [admin] }')),
    );
    expect(m.tables[0]!.realtime).toEqual({
      enabled: true,
      onInsert: true,
      onUpdate: true,
      onDelete: true,
      requiredRoles: ['admin'],
      fields: null,
    });
  });

  it('keeps an object-form project realtime off when it says enabled: false', async () => {
    const m = await model(
      yaml(
        'name: shop',
        'providers: { database: { realtime: { enabled: false } } }',
        'tables:',
        ...table(),
      ),
    );
    expect(m.database.realtime).toBe(false);
    expect(m.tables[0]!.realtime.enabled).toBe(false);
  });

  it('always sends the primary key, in column order, and warns when fields leave it out', async () => {
    const result = await readText(
      yaml('name: shop', 'tables:', ...table('    realtime: { fields: [organizationId] }')),
    );
    expect(result.model!.tables[0]!.realtime.fields).toEqual(['id', 'organizationId']);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['QB040']);
  });

  it('gives the manifest path and a custom auth module relative to the output root', async () => {
    const dir = writeProject({
      'app/quickback.yaml': yaml('name: shop', 'auth: { provider: custom, module: ./src/auth.ts }'),
      'app/src/auth.ts': 'export const getSession = () => null;\n',
    });
    const manifest = join(dir, 'app/quickback.yaml');

    const inPlace = await readProject(manifest);
    expect(inPlace.model!.manifestPath).toBe('quickback.yaml');
    expect(inPlace.model!.auth).toEqual({
      provider: 'custom',
      module: './src/auth.ts',
      export: 'getSession',
    });

    const elsewhere = await readProject(manifest, { outDir: join(dir, 'out') });
    expect(elsewhere.model!.manifestPath).toBe('../app/quickback.yaml');
    expect(elsewhere.model!.auth).toEqual({
      provider: 'custom',
      module: '../app/src/auth.ts',
      export: 'getSession',
    });
  });

  it('reads both event forms', async () => {
    const m = await model(
      yaml(
        'name: shop',
        'realtime:',
        '  namespaces:',
        '    orders:',
        '      events: [placed, shipped.late]',
        '    progress:',
        '      description: Import progress',
        '      events:',
        '        tick: { payload: { percent: number, note: unknown } }',
        '        done:',
      ),
    );

    expect(m.namespaces).toEqual([
      {
        name: 'orders',
        description: null,
        events: [
          { name: 'placed', payload: null },
          { name: 'shipped.late', payload: null },
        ],
      },
      {
        name: 'progress',
        description: 'Import progress',
        events: [
          { name: 'tick', payload: { percent: 'number', note: 'unknown' } },
          { name: 'done', payload: null },
        ],
      },
    ]);
  });

  it('reads crud: false as no routes', async () => {
    const m = await model(yaml('name: shop', 'tables:', ...table('    crud: false')));
    expect(m.tables[0]!.crud).toEqual({
      create: false,
      update: false,
      delete: false,
      batch: false,
    });
  });
});

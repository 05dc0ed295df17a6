// The wrangler merge: user bytes kept exactly, only missing entries added, append-only
// migrations, idempotent, and the result is a config wrangler itself reads as intended.

import fs from 'node:fs';
import path from 'node:path';

import { unstable_readConfig } from 'wrangler';
import { afterAll, describe, expect, it } from 'vitest';

import type { Diagnostic } from '../../src/diagnostics/types.ts';
import type { EmittedFile } from '../../src/emit/types.ts';
import { emitWrangler } from '../../src/emit/wrangler/index.ts';
import type { ProjectModel } from '../../src/model/types.ts';
import { freshDir } from './examples.ts';
import { minimalModel, recruitmentModel } from './models.ts';

const FIXTURES = path.join(import.meta.dirname, 'wrangler-fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

function emit(files: Record<string, string>, model: ProjectModel = recruitmentModel) {
  const diagnostics: Diagnostic[] = [];
  const out: EmittedFile[] = emitWrangler({
    model,
    outDir: '/project',
    readExisting: (file) => files[file] ?? null,
    listExisting: () => [],
    report: (diagnostic) => diagnostics.push(diagnostic),
  });
  return { out, diagnostics, file: out[0] };
}

/** Merges twice: the second pass must change nothing. */
function mergeTwice(name: string, contents: string, model?: ProjectModel): string {
  const first = emit({ [name]: contents }, model);
  expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(first.file).toMatchObject({ path: name, generated: false });
  const second = emit({ [name]: first.file!.contents }, model);
  expect(second.file!.contents).toBe(first.file!.contents);
  return first.file!.contents;
}

/** True when `inner`'s lines appear, in order and unchanged, among `outer`'s lines. */
function keepsEveryLine(inner: string, outer: string): boolean {
  const lines = outer.split('\n');
  let at = 0;
  for (const line of inner.split('\n')) {
    while (at < lines.length && lines[at] !== line) at++;
    if (at === lines.length) return false;
    at++;
  }
  return true;
}

const dir = freshDir('wrangler');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Reads a config with wrangler's own reader. */
function wranglerReads(name: string, contents: string) {
  const file = path.join(fs.mkdtempSync(path.join(dir, 'case-')), name);
  fs.writeFileSync(file, contents);
  return unstable_readConfig({ config: file });
}

describe('wrangler.toml', () => {
  it('appends the D1 binding, the Broadcaster binding and a migration after the user text', () => {
    const original = fixture('commented.toml');
    const merged = mergeTwice('wrangler.toml', original);

    expect(merged.startsWith(original)).toBe(true);
    const config = wranglerReads('wrangler.toml', merged);
    expect(config.name).toBe('recruitment-api');
    expect(config.vars).toEqual({ GREETING: 'hello' });
    expect(config.durable_objects.bindings).toEqual([
      { name: 'COUNTER', class_name: 'Counter' },
      { name: 'BROADCASTER', class_name: 'Broadcaster' },
    ]);
    expect(config.migrations).toEqual([
      { tag: 'v1', new_classes: ['Counter'] },
      { tag: 'quickback-v1', new_sqlite_classes: ['Broadcaster'] },
    ]);
    expect(config.d1_databases).toEqual([
      {
        binding: 'DB',
        database_name: 'recruitment',
        database_id: '00000000-0000-0000-0000-000000000000',
        migrations_dir: 'migrations',
      },
    ]);
  });

  it('adds missing top-level keys above the first table, keeping every user line', () => {
    const original = fixture('missing-top.toml');
    const merged = mergeTwice('wrangler.toml', original);

    expect(keepsEveryLine(original, merged)).toBe(true);
    // The comment that belongs to [vars] stays right above it.
    expect(merged).toContain('# Public values.\n[vars]\n');
    const config = wranglerReads('wrangler.toml', merged);
    expect(config.compatibility_flags).toEqual(['nodejs_compat']);
    expect(config.compatibility_date).toBe('2025-01-01');
    expect(config.vars).toEqual({ GREETING: 'hello' });
  });

  it('changes nothing when the user file already has every entry', () => {
    const original = fixture('complete.toml');
    const { file, diagnostics } = emit({ 'wrangler.toml': original });
    expect(diagnostics).toEqual([]);
    // The user's D1 names and the key-value Broadcaster class are theirs to keep.
    expect(file!.contents).toBe(original);
  });

  it('never reuses a migration tag', () => {
    const merged = mergeTwice('wrangler.toml', fixture('tag-taken.toml'));
    expect(merged).toMatch(/tag = "quickback-v1"\nnew_sqlite_classes = \["Other"\]/);
    expect(merged).toMatch(/tag = "quickback-v2"\nnew_sqlite_classes = \["Broadcaster"\]\n$/);
  });

  it('creates Broadcaster again after a migration deleted it', () => {
    const original = fixture('deleted.toml');
    const merged = mergeTwice('wrangler.toml', original);
    expect(merged.startsWith(original)).toBe(true);
    expect(
      wranglerReads('wrangler.toml', merged).migrations.map((m: { tag: string }) => m.tag),
    ).toEqual(['v1', 'v2', 'quickback-v1']);
  });

  it('keeps CRLF line ends', () => {
    const original = fixture('commented.toml').replaceAll('\n', '\r\n');
    const merged = mergeTwice('wrangler.toml', original);
    expect(merged.startsWith(original)).toBe(true);
    expect(merged.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('stops with the entries to add by hand when text cannot extend the file', () => {
    const { out, diagnostics } = emit({ 'wrangler.toml': fixture('inline-bindings.toml') });
    expect(out).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'QB081', file: '/project/wrangler.toml' });
    // Only the entry that does not fit is left to the user; the others fit as text.
    expect(diagnostics[0]!.message).toMatch(
      /by hand, then build again:\n# The realtime .*\n\[\[durable_objects\.bindings\]\]\nname = "BROADCASTER"\nclass_name = "Broadcaster"$/,
    );
  });

  it('reports a file it cannot parse', () => {
    const { out, diagnostics } = emit({ 'wrangler.toml': fixture('broken.toml') });
    expect(out).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ code: 'QB080', severity: 'error' });
    expect(diagnostics[0]!.message).toContain('(line 1, column 20)');
  });

  it('warns when the BROADCASTER binding points at another class', () => {
    const original = fixture('complete.toml').replace(
      'class_name = "Broadcaster"',
      'class_name = "Hub"',
    );
    const { diagnostics } = emit({ 'wrangler.toml': original });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'QB082', severity: 'warning' })]);
  });
});

describe('wrangler.jsonc and wrangler.json', () => {
  it('inserts at the end of each container, comments staying on their lines', () => {
    const original = fixture('commented.jsonc');
    const merged = mergeTwice('wrangler.jsonc', original, minimalModel);

    // A one-line list stays on one line, the new binding after the user's.
    const bindings = '"bindings": [{ "name": "COUNTER", "class_name": "Counter" }]';
    const extended = bindings.replace(
      '}]',
      '}, { "name": "BROADCASTER", "class_name": "Broadcaster" }]',
    );
    expect(merged).toContain(`    ${extended}\n`);
    expect(keepsEveryLine(original.replace(bindings, extended), merged)).toBe(true);
    expect(merged).toContain('"name": "minimal", // the deployed name\n');
    expect(merged).toContain(
      '{ "binding": "SESSIONS", "id": "0123456789abcdef" }, // keep me here\n',
    );
    expect(merged).toContain('}, // closing note\n');
    // The file ends entries with a comma; so do the inserted ones.
    expect(merged).toContain('"new_sqlite_classes": ["Broadcaster"]\n    },\n  ],');

    const config = wranglerReads('wrangler.jsonc', merged);
    expect(config.durable_objects.bindings.map((b: { name: string }) => b.name)).toEqual([
      'COUNTER',
      'BROADCASTER',
    ]);
    expect(config.migrations.map((m: { tag: string }) => m.tag)).toEqual(['v1', 'quickback-v1']);
    expect(config.d1_databases.map((d: { binding: string }) => d.binding)).toEqual(['DB']);
  });

  it('merges into wrangler.json first, as wrangler reads it first, keeping tabs', () => {
    const original = fixture('plain.json');
    const { file } = emit({ 'wrangler.json': original, 'wrangler.toml': 'name = "other"\n' });
    expect(file!.path).toBe('wrangler.json');
    expect(file!.contents).toContain('\n\t"d1_databases": [\n\t\t{\n\t\t\t"binding": "DB",');
    expect(JSON.parse(file!.contents).migrations).toEqual([
      { tag: 'quickback-v1', new_sqlite_classes: ['Broadcaster'] },
    ]);
    expect(
      keepsEveryLine(
        original.replace('["nodejs_compat"]\n', '["nodejs_compat"],\n'),
        file!.contents,
      ),
    ).toBe(true);
  });
});

describe('a new config', () => {
  it.each([
    ['toml', 'wrangler.toml'],
    ['jsonc', 'wrangler.jsonc'],
  ] as const)('is created as %s with everything the project needs', (format, name) => {
    const model = { ...recruitmentModel, output: { client: false, wranglerFormat: format } };
    const contents = mergeTwice(name, emit({}, model).file!.contents, model);
    expect(emit({}, model).file!.path).toBe(name);

    const config = wranglerReads(name, contents);
    expect(config.name).toBe('recruitment');
    expect(config.main).toMatch(/src[/\\]index\.ts$/);
    expect(config.compatibility_date).toBe('2025-01-01');
    expect(config.compatibility_flags).toEqual(['nodejs_compat']);
    expect(config.durable_objects.bindings).toEqual([
      { name: 'BROADCASTER', class_name: 'Broadcaster' },
    ]);
    expect(config.migrations).toEqual([
      { tag: 'quickback-v1', new_sqlite_classes: ['Broadcaster'] },
    ]);
    expect(config.d1_databases[0]).toMatchObject({ binding: 'DB', migrations_dir: 'migrations' });
  });
});

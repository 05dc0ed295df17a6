// The editor settings `quickback init` writes work on their own: with its
// .vscode/settings.json (`yaml.schemas`) handed to yaml-language-server as VS Code does, a
// quickback.yaml without the modeline still gets completion and problems.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { main } from '../../src/cli/main.ts';
import { offers } from './support/completion-cases.ts';
import { CURSOR, withCursor } from './support/workspace.ts';
import { YamlServer } from './support/yaml-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'quickback-editor-settings-'));
const manifest = join(dir, 'quickback.yaml');
let server: YamlServer;
let starter: string;

beforeAll(async () => {
  const io = { stdout: () => {}, stderr: () => {}, cwd: dir, color: false };
  expect(await main(['init'], io)).toBe(0);
  starter = readFileSync(manifest, 'utf8');

  const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'));
  server = await YamlServer.start(dir, { schemas: settings['yaml.schemas'] });
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The starter manifest with its modeline turned into a plain comment (lines stay put). */
function withoutModeline(text: string): string {
  const [first, ...rest] = text.split('\n');
  expect(first).toMatch(/^# yaml-language-server: \$schema=/);
  return ['# (no modeline)', ...rest].join('\n');
}

describe('.vscode/settings.json from quickback init', () => {
  it('maps quickback.yaml to the schema: completion inside a table realtime', async () => {
    const marked = withoutModeline(starter).replace(
      '      requiredRoles: [owner, admin, member]',
      `      requiredRoles: [owner, admin, member]\n      ${CURSOR}`,
    );
    const { text, position } = withCursor(marked);
    writeFileSync(manifest, text);
    const uri = pathToFileURL(manifest).href;

    expect(await server.open(uri, text)).toEqual([]);
    const keys = offers(await server.completion(uri, position)).filter((o) => o.isKey);
    expect(keys.map((k) => k.label).sort()).toEqual([
      'enabled',
      'fields',
      'onDelete',
      'onInsert',
      'onUpdate',
    ]);
  });

  it('maps quickback.yaml to the schema: a mistake is flagged', async () => {
    const text = withoutModeline(starter).replace('binding: DB', 'bindng: DB');
    const other = join(dir, 'app', 'quickback.yaml');
    const uri = pathToFileURL(other).href;

    const problems = await server.open(uri, text);
    expect(problems.map((p) => p.message)).toEqual(['Property bindng is not allowed.']);
  });
});

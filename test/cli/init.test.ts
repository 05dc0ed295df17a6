// `quickback init`: a starter that checks clean, finds its schema from its own folder, and
// never overwrites what is already there.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { projectNameFrom } from '../../src/cli/commands/init-files.ts';
import { SCHEMA_PATH } from '../../src/validate/schema-file.ts';
import { tempDir } from '../frontend/helpers.ts';
import { runCli } from './helpers.ts';

const FILES = [
  'quickback.yaml',
  'quickback.schema.json',
  '.vscode/settings.json',
  '.vscode/extensions.json',
];

describe('quickback init', () => {
  it('writes the starter files into DIR and the result checks clean', async () => {
    const cwd = tempDir();
    const run = await runCli(['init', 'My App'], cwd);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        ...FILES.map((f) => `created ${join('My App', f)}`),
        'next: edit quickback.yaml, then run `quickback check`',
        '',
      ].join('\n'),
    );

    const check = await runCli(['check', 'My App'], cwd);
    expect(check).toEqual({
      code: 0,
      stdout: 'My App/quickback.yaml: ok (1 table, 1 namespace)\n',
      stderr: '',
    });
    expect(readFileSync(join(cwd, 'My App/quickback.yaml'), 'utf8')).toContain('name: my-app\n');
  });

  it('points the modeline at a schema copy next to the manifest', async () => {
    const dir = tempDir();
    await runCli(['init'], dir);
    const manifest = readFileSync(join(dir, 'quickback.yaml'), 'utf8');

    expect(manifest.split('\n')[0]).toBe('# yaml-language-server: $schema=./quickback.schema.json');
    expect(readFileSync(join(dir, 'quickback.schema.json'), 'utf8')).toBe(
      readFileSync(SCHEMA_PATH, 'utf8'),
    );
    expect(JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'))).toEqual({
      'yaml.schemas': { './quickback.schema.json': ['quickback.yaml'] },
    });
    expect(JSON.parse(readFileSync(join(dir, '.vscode/extensions.json'), 'utf8'))).toEqual({
      recommendations: ['redhat.vscode-yaml'],
    });
  });

  it('keeps existing files and lists them', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'quickback.yaml'), 'name: mine\n');
    const run = await runCli(['init'], dir);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('kept existing quickback.yaml (not overwritten)\n');
    expect(run.stdout).toContain('created quickback.schema.json\n');
    expect(readFileSync(join(dir, 'quickback.yaml'), 'utf8')).toBe('name: mine\n');

    const again = await runCli(['init'], dir);
    expect(again.stdout).toBe(FILES.map((f) => `kept existing ${f} (not overwritten)\n`).join(''));
  });

  // YAML would read these folder names back as numbers or booleans unless quoted.
  for (const folder of ['123', 'true', '0x1f', '1e3']) {
    it(`quotes a folder name YAML would not read as a string: ${folder}`, async () => {
      const cwd = tempDir();
      expect((await runCli(['init', folder], cwd)).code).toBe(0);

      const manifest = readFileSync(join(cwd, folder, 'quickback.yaml'), 'utf8');
      expect(manifest).toContain(`\nname: "${folder}"\n`);
      expect(await runCli(['check', folder], cwd)).toEqual({
        code: 0,
        stdout: `${folder}/quickback.yaml: ok (1 table, 1 namespace)\n`,
        stderr: '',
      });
    });
  }

  it('derives a valid worker name from the folder name', () => {
    expect(projectNameFrom('My Cool_App!')).toBe('my-cool-app');
    expect(projectNameFrom('---')).toBe('my-app');
    expect(projectNameFrom('x'.repeat(80))).toHaveLength(63);
  });
});

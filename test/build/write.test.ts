// The write stage: header check, only-changed writes, removals, all-or-nothing.

import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { generatedHeader } from '../../src/emit/ast/index.ts';
import type { EmittedFile } from '../../src/emit/types.ts';
import { formatFiles } from '../../src/format/index.ts';
import { nodeFileOps, type FileOps } from '../../src/write/file-ops.ts';
import { writeOutput } from '../../src/write/index.ts';
import { freshDir, readTree } from './examples.ts';

const HEADER = generatedHeader('quickback.yaml', 'ts')!;

function ts(file: string, body: string): EmittedFile {
  return { path: file, contents: `${HEADER}\n${body}\n`, kind: 'ts', generated: true };
}

let dir = '';
const at = (file: string) => path.join(dir, file);
const put = (file: string, contents: string) => {
  fs.mkdirSync(path.dirname(at(file)), { recursive: true });
  fs.writeFileSync(at(file), contents);
};

beforeEach(() => {
  dir = freshDir('write');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeOutput', () => {
  it('writes new files and reports them sorted', () => {
    const files = [ts('src/lib/realtime.ts', 'export {};'), ts('src/index.ts', 'export {};')];
    const result = writeOutput(dir, files);

    expect(result.diagnostics).toEqual([]);
    expect(result.report).toEqual({
      written: ['src/index.ts', 'src/lib/realtime.ts'],
      removed: [],
      unchanged: 0,
    });
    expect(fs.readFileSync(at('src/lib/realtime.ts'), 'utf8')).toBe(files[0]!.contents);
  });

  it('writes only files whose bytes changed', () => {
    writeOutput(dir, [ts('src/index.ts', 'export {};'), ts('src/lib/realtime.ts', 'export {};')]);
    const before = fs.statSync(at('src/index.ts')).mtimeMs;

    const result = writeOutput(dir, [
      ts('src/index.ts', 'export {};'),
      ts('src/lib/realtime.ts', 'export const changed = 1;'),
    ]);

    expect(result.report).toEqual({ written: ['src/lib/realtime.ts'], removed: [], unchanged: 1 });
    expect(fs.statSync(at('src/index.ts')).mtimeMs).toBe(before);
  });

  it('refuses to overwrite a file without the header, naming it, and writes nothing', () => {
    put('src/lib/realtime.ts', '// my own helper\nexport const mine = 1;\n');
    put('src/routes/jobs.ts', `${HEADER}\nexport const old = 1;\n`);
    const before = readTree(dir);

    const result = writeOutput(dir, [
      ts('src/index.ts', 'export {};'),
      ts('src/lib/realtime.ts', 'export {};'),
      ts('src/routes/jobs.ts', 'export const fresh = 1;'),
    ]);

    expect(result.report).toBeNull();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'QB070',
      severity: 'error',
      file: at('src/lib/realtime.ts'),
    });
    expect(result.diagnostics[0]!.message).toContain('src/lib/realtime.ts');
    expect(readTree(dir)).toEqual(before);
  });

  it('removes generated files no longer emitted, keeps hand-written ones and migrations', () => {
    put('src/routes/old.ts', `${HEADER}\nexport {};\n`);
    put('src/routes/custom.ts', '// mine\nexport {};\n');
    put('src/lib/server/crud/gone.ts', `${HEADER}\nexport {};\n`);
    put('migrations/0001_create_old.sql', `${generatedHeader('quickback.yaml', 'sql')}\n`);

    const result = writeOutput(dir, [ts('src/index.ts', 'export {};')]);

    expect(result.report).toEqual({
      written: ['src/index.ts'],
      removed: ['src/lib/server/crud/gone.ts', 'src/routes/old.ts'],
      unchanged: 0,
    });
    expect(fs.existsSync(at('src/routes/custom.ts'))).toBe(true);
    expect(fs.existsSync(at('migrations/0001_create_old.sql'))).toBe(true);
    // The emptied generated folders go with their files.
    expect(fs.existsSync(at('src/lib/server'))).toBe(false);
    expect(fs.existsSync(at('src/routes'))).toBe(true);
  });

  it('rewrites a merged user file (no header needed) and never removes it', () => {
    put('wrangler.toml', 'name = "x"\n');
    const merged: EmittedFile = {
      path: 'wrangler.toml',
      contents: 'name = "x"\nmain = "src/index.ts"\n',
      kind: 'toml',
      generated: false,
    };
    expect(writeOutput(dir, [merged]).report?.written).toEqual(['wrangler.toml']);
    expect(writeOutput(dir, []).report).toEqual({ written: [], removed: [], unchanged: 0 });
    expect(fs.readFileSync(at('wrangler.toml'), 'utf8')).toBe(merged.contents);
  });

  it('reports a folder where a file should go', () => {
    fs.mkdirSync(at('src/index.ts'), { recursive: true });
    const result = writeOutput(dir, [ts('src/index.ts', 'export {};')]);
    expect(result.report).toBeNull();
    expect(result.diagnostics[0]).toMatchObject({ code: 'QB071', file: at('src/index.ts') });
  });

  it('reports a file where a folder should go, once however many files go below it', () => {
    put('src', 'not a folder\n');
    const files = ['src/index.ts', 'src/lib/realtime.ts', 'src/lib/server/a.ts', 'src/routes/b.ts'];
    const result = writeOutput(
      dir,
      files.map((file) => ts(file, 'export {};')),
    );

    expect(result.report).toBeNull();
    expect(result.diagnostics).toEqual([
      {
        code: 'QB071',
        severity: 'error',
        file: at('src'),
        range: null,
        message:
          'src is a file, but the build needs a folder there to write into. Move it out of the way and build again; nothing was written',
      },
    ]);
  });

  it('reports each blocking path once', () => {
    put('src/lib', 'not a folder\n');
    put('src/routes', 'not a folder\n');
    const files = ['src/lib/a.ts', 'src/lib/b.ts', 'src/routes/c.ts', 'src/routes/d.ts'];
    const result = writeOutput(
      dir,
      files.map((file) => ts(file, 'export {};')),
    );

    expect(result.diagnostics.map((d) => d.file)).toEqual([at('src/lib'), at('src/routes')]);
  });

  it('reports an output root that is a file before anything else, and writes nothing', () => {
    put('out.txt', 'mine\n');
    const result = writeOutput(at('out.txt'), [ts('src/index.ts', 'export {};')]);

    expect(result.report).toBeNull();
    expect(result.diagnostics).toEqual([
      {
        code: 'QB071',
        severity: 'error',
        file: at('out.txt'),
        range: null,
        message:
          'the output root is a file, not a folder, so the build cannot write into it. Pass --out a folder, or move the file out of the way and build again; nothing was written',
      },
    ]);
    expect(readTree(dir)).toEqual(new Map([['out.txt', Buffer.from('mine\n')]]));
  });

  it('reports a file above a missing output root', () => {
    put('out.txt', 'mine\n');
    const result = writeOutput(at('out.txt/sub/app'), [ts('src/index.ts', 'export {};')]);

    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'QB071',
        file: at('out.txt'),
        message: `${at('out.txt')} is a file, but the build needs a folder there to write into. Move it out of the way and build again; nothing was written`,
      }),
    ]);
  });

  it('puts everything back when a write fails midway', () => {
    put('src/index.ts', `${HEADER}\nexport const before = 1;\n`);
    put('src/routes/old.ts', `${HEADER}\nexport {};\n`);
    const before = readTree(dir);

    // The third rename fails: two files are already in place by then.
    let renames = 0;
    const failing: FileOps = {
      ...nodeFileOps,
      rename(from, to) {
        if (++renames === 3) throw new Error('disk full');
        nodeFileOps.rename(from, to);
      },
    };
    const result = writeOutput(
      dir,
      [
        ts('src/index.ts', 'export const after = 1;'),
        ts('src/lib/realtime.ts', 'export {};'),
        ts('src/lib/realtime/types.ts', 'export {};'),
      ],
      failing,
    );

    expect(result.report).toBeNull();
    expect(result.diagnostics[0]).toMatchObject({ code: 'QB072', severity: 'error' });
    expect(result.diagnostics[0]!.message).toContain('disk full');
    expect(result.diagnostics[0]!.message).toContain('every file was put back');
    // Same files, same bytes, no temp files, no new folders.
    expect(readTree(dir)).toEqual(before);
    expect(fs.existsSync(at('src/lib'))).toBe(false);
  });

  it('puts removed files back when a removal fails', () => {
    put('src/routes/a.ts', `${HEADER}\nexport const a = 1;\n`);
    put('src/routes/b.ts', `${HEADER}\nexport const b = 1;\n`);
    const before = readTree(dir);
    const failing: FileOps = {
      ...nodeFileOps,
      unlink(file) {
        if (file.endsWith('b.ts')) throw new Error('busy');
        nodeFileOps.unlink(file);
      },
    };

    const result = writeOutput(dir, [ts('src/index.ts', 'export {};')], failing);

    expect(result.report).toBeNull();
    expect(readTree(dir)).toEqual(before);
  });
});

describe('formatFiles', () => {
  it('formats TypeScript with the fixed style, LF only, one final newline', async () => {
    const [file] = await formatFiles([ts('src/a.ts', 'export const x = {a:"b"}\r\n\r\n\r\n')]);
    expect(file!.contents).toBe(`${HEADER}\nexport const x = { a: 'b' };\n`);
  });

  it('leaves merged user files byte for byte, CRLF included', async () => {
    const contents = 'name = "x"\r\n# note\r\n';
    const [file] = await formatFiles([
      { path: 'wrangler.toml', contents, kind: 'toml', generated: false },
    ]);
    expect(file!.contents).toBe(contents);
  });
});

// The runtime is copied verbatim under the generated header, and is already in the output
// style (which is why the format stage may skip it).

import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { generatedHeader } from '../../src/emit/ast/index.ts';
import { emitRuntimeCopy, RUNTIME_DIR } from '../../src/emit/runtime-copy.ts';
import { formatFile } from '../../src/format/index.ts';
import { recruitmentModel } from './models.ts';

const context = {
  model: recruitmentModel,
  outDir: '/project',
  readExisting: () => null,
  listExisting: () => [],
  report: () => undefined,
};

function runtimeSources(folder: string): string[] {
  return fs
    .readdirSync(path.join(RUNTIME_DIR, folder), { recursive: true, encoding: 'utf8' })
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => entry.endsWith('.ts') && !entry.endsWith('.test.ts'))
    .sort();
}

describe('emitRuntimeCopy', () => {
  const files = emitRuntimeCopy(context);

  it('copies every runtime module, subfolders included, and nothing else', () => {
    const expected = [
      ...runtimeSources('realtime').map((file) => `src/lib/realtime/${file}`),
      ...runtimeSources('server').map((file) => `src/lib/server/${file}`),
    ];
    expect(expected.length).toBeGreaterThan(0);
    expect(files.map((file) => file.path)).toEqual(expected);
  });

  it('adds the header and keeps the source byte for byte', () => {
    const header = generatedHeader('quickback.yaml', 'ts');
    for (const file of files) {
      const source = path.join(RUNTIME_DIR, file.path.replace(/^src\/lib\//, ''));
      expect(file.contents).toBe(`${header}\n\n${fs.readFileSync(source, 'utf8')}`);
      expect(file).toMatchObject({ kind: 'ts', generated: true, preformatted: true });
    }
  });

  it.each(files.map((file) => [file.path, file] as const))(
    '%s is already prettier-formatted in the output style',
    async (_path, file) => {
      const formatted = await formatFile({ ...file, preformatted: false });
      expect(formatted.contents).toBe(file.contents);
    },
  );
});

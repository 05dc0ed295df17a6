// docs/diagnostics.md documents every code once, and its examples print what it says.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { ALL_CODES, CODES } from '../../src/diagnostics/codes.ts';
import { readText } from './helpers.ts';

const docs = readFileSync(join(import.meta.dirname, '../../docs/diagnostics.md'), 'utf8');

interface Section {
  code: string;
  title: string;
  body: string;
}

const sections: Section[] = docs
  .split(/^## /m)
  .slice(1)
  .map((chunk) => {
    const [heading = '', ...rest] = chunk.split('\n');
    const [code = '', ...title] = heading.split(' ');
    return { code, title: title.join(' '), body: rest.join('\n') };
  });

const block = (body: string, lang: string): string | null =>
  new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(body)?.[1] ?? null;

describe('docs/diagnostics.md', () => {
  it('has one section per code, in code order, titled as in codes.ts', () => {
    expect(sections.map((s) => s.code)).toEqual([...ALL_CODES].sort());
    for (const s of sections) {
      expect(s.title, s.code).toBe(CODES[s.code as keyof typeof CODES].title);
    }
  });

  for (const section of sections) {
    const manifest = block(section.body, 'yaml');
    if (manifest === null) continue;

    it(`${section.code}: the example prints the documented line`, async () => {
      const expected = block(section.body, 'text')?.split('\n')[0];
      const result = await readText(manifest);
      const printed = result.diagnostics.map((d) => {
        const where = d.range ? `:${d.range.start.line}:${d.range.start.column}` : '';
        return `${d.file}${where} ${d.severity} ${d.code} ${d.message}`;
      });
      expect(printed).toEqual([expected]);
    });
  }
});

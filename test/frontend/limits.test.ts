// Messages stay short whatever the manifest holds: long values and names are cut, lists of
// names stop at ten, and a deep path keeps its ends.

import { describe, expect, it } from 'vitest';

import { pathLabel } from '../../src/diagnostics/path.ts';
import { brief, readText, yaml } from './helpers.ts';

describe('message limits', () => {
  it('names ten unknown keys, then counts the rest', async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`);
    const result = await readText(yaml('name: app', ...keys));

    const ten = Array.from({ length: 10 }, (_, i) => `\`k${i}\``).join(', ');
    expect(brief(result)).toEqual([
      `2:1 error QB010 unknown keys ${ten}, and 19990 more in the manifest`,
    ]);
  });

  it('cuts a long string value and a long key name', async () => {
    const key = 'k'.repeat(100_000);
    const json = `{"name": "app", "compatibilityDate": "${'x'.repeat(100_000)}", "${key}": 1}\n`;
    const result = await readText(json, 'quickback.json');

    const k = `${'k'.repeat(59)}…`;
    expect(brief(result)).toEqual([
      `1:38 error QB016 \`compatibilityDate\` cannot be \`${'x'.repeat(39)}…\`. Use a date in the form \`YYYY-MM-DD\` (for example \`2025-09-01\`).`,
      `1:100042 error QB010 unknown key \`${k}\` in the manifest`,
    ]);
  });

  it('cuts a duplicate key to 60 characters', async () => {
    const key = 'd'.repeat(500);
    const result = await readText(`{"name": "app",\n "${key}": 1,\n "${key}": 2}\n`, 'q.json');

    expect(brief(result)[1]).toBe(
      `3:2 error QB003 duplicate key \`${'d'.repeat(59)}…\`; it is already defined on line 2`,
    );
  });

  it('keeps the first two steps and the last ones of a long path', () => {
    const label = pathLabel(['tables', 'x'.repeat(200), ...Array<number>(100).fill(0), 'field']);

    // `tables` and the cut name take 67 characters; 15 indexes and `.field` fit after `…`.
    expect(label).toBe(`\`tables.${'x'.repeat(59)}……${'[0]'.repeat(15)}.field\``);
  });

  it('leaves a short path whole', () => {
    expect(pathLabel(['tables', 'jobs', 'firewall', 0, 'field'])).toBe(
      '`tables.jobs.firewall[0].field`',
    );
  });
});

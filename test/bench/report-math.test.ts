// Percentiles and tables that BENCHMARKS.md is built from, and the generated 200-table
// manifest the build benchmark compiles, which must stay a valid manifest as the schema grows.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { writeGeneratedManifest } from '../../bench/build/generate-manifest.ts';
import { median, percentiles, round } from '../../bench/lib/stats.ts';
import { table } from '../../bench/report/tables.ts';
import { readProject } from '../../src/frontend.ts';

describe('percentiles', () => {
  it('uses the nearest rank, so every percentile is an observed value', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(values, [50, 99, 100])).toEqual([50, 99, 100]);
    expect(percentiles([3, 1, 2], [50])).toEqual([2]);
    expect(median([4, 1, 3, 2])).toBe(2);
  });

  it('is NaN for no values rather than a made-up figure', () => {
    expect(percentiles([], [50, 99]).every(Number.isNaN)).toBe(true);
  });

  it('rounds to three significant digits below 100 and to whole numbers above', () => {
    expect([round(0.012345), round(24.66), round(123.6), round(45_678.2)]).toEqual([
      0.0123, 24.7, 124, 45_678,
    ]);
  });
});

describe('table', () => {
  it('right-aligns numeric columns and spells out missing values', () => {
    const text = table(
      ['path', 'p99 ms'],
      [
        ['helper', 12.5],
        ['crud', null],
      ],
    );
    expect(text.split('\n')).toEqual([
      '| path | p99 ms |',
      '| --- | ---: |',
      '| helper | 12.5 |',
      '| crud | n/a |',
    ]);
  });
});

describe('generated manifest', () => {
  it('is valid and has the requested number of tables', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quickback-bench-'));
    try {
      const file = writeGeneratedManifest(dir, 200);
      const project = await readProject(file, { outDir: dir });

      expect(project.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(project.model?.tables).toHaveLength(200);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

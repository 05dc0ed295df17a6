// Every example, built as a user would build it, must match generated-fixtures/<example>/
// byte for byte (file list included), build again without writing a file, and compile under
// `tsc --strict` with @cloudflare/workers-types. Refresh the fixtures with
// `npm run fixtures:update` after an intended change of the output.

import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { build, type BuildResult } from '../../src/build.ts';
import {
  buildExample,
  exampleNames,
  FIXTURES_DIR,
  freshDir,
  manifestIn,
  readTree,
} from './examples.ts';
import { typecheckProject, writeTsconfig } from './typecheck.ts';

describe.each(exampleNames())('example %s', (example) => {
  let dir = '';
  let result: BuildResult;

  beforeAll(async () => {
    dir = freshDir(example);
    result = await buildExample(example, dir);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('builds without errors', () => {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    expect(result.report?.written.length).toBeGreaterThan(0);
  });

  it('matches its generated fixture byte for byte', () => {
    const fixture = path.join(FIXTURES_DIR, example);
    expect(fs.existsSync(fixture), `${fixture} is missing: npm run fixtures:update`).toBe(true);
    const expected = readTree(fixture);
    const actual = readTree(dir);

    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [file, bytes] of actual) {
      // Compared as text first so a mismatch shows a readable diff.
      expect(bytes.toString('utf8'), file).toBe(expected.get(file)?.toString('utf8'));
      expect(bytes.equals(expected.get(file)!), file).toBe(true);
    }
  });

  it('writes nothing when built again unchanged', async () => {
    const before = readTree(dir);
    const again = await build({ configPath: manifestIn(dir) });

    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(again.report?.written).toEqual([]);
    expect(again.report?.removed).toEqual([]);
    expect(readTree(dir)).toEqual(before);
  });

  it('passes tsc --strict against @cloudflare/workers-types', () => {
    const tsconfig = writeTsconfig(dir);
    expect(typecheckProject(tsconfig)).toEqual([]);
  });
});

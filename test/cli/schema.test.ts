// `quickback schema`: the published schema, byte for byte.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { SCHEMA_PATH } from '../../src/validate/schema-file.ts';
import { tempDir } from '../frontend/helpers.ts';
import { runCli } from './helpers.ts';

const schema = readFileSync(SCHEMA_PATH, 'utf8');

describe('quickback schema', () => {
  it('prints the schema', async () => {
    expect(await runCli(['schema'], tempDir())).toEqual({ code: 0, stdout: schema, stderr: '' });
  });

  it('writes it with --out, creating folders', async () => {
    const dir = tempDir();
    const run = await runCli(['schema', '--out', 'editor/quickback.schema.json'], dir);

    expect(run).toEqual({ code: 0, stdout: 'wrote editor/quickback.schema.json\n', stderr: '' });
    expect(readFileSync(join(dir, 'editor/quickback.schema.json'), 'utf8')).toBe(schema);
  });

  it('rejects stray arguments', async () => {
    const run = await runCli(['schema', 'extra'], tempDir());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'quickback: unexpected argument: extra\nRun `quickback schema --help` for usage.\n',
    );
  });
});

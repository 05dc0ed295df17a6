// Shared test helpers: write a manifest into a fresh temp folder and read it back.

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { readProject, type ReadProjectResult } from '../../src/frontend.ts';

export function tempDir(prefix = 'quickback-frontend-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (path -> contents) into a new temp folder and returns the folder. */
export function writeProject(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return dir;
}

/** Reads a manifest given as text; diagnostics name it `quickback.yaml` (or `.json`). */
export async function readText(
  text: string,
  file = 'quickback.yaml',
  extraFiles: Record<string, string> = {},
): Promise<ReadProjectResult> {
  const dir = writeProject({ [file]: text, ...extraFiles });
  return readProject(join(dir, file), { displayPath: file });
}

/** Diagnostics in a compact form that shows code, place and message at once. */
export function brief(result: ReadProjectResult): string[] {
  return result.diagnostics.map((d) => {
    const where = d.range ? `${d.range.start.line}:${d.range.start.column}` : '-';
    return `${where} ${d.severity} ${d.code} ${d.message}`;
  });
}

/** Joins lines into a manifest, so tests can count lines by eye. */
export const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

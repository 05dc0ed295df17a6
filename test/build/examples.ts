// Building the example manifests, shared by the fixture tests and `npm run fixtures:update`.
// An example is built the way a user builds it: the example folder is copied to a fresh
// folder and built in place, so the output root is the manifest's own folder.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build, type BuildResult } from '../../src/build.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'manifests-examples');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'generated-fixtures');
/** Under the repo so generated projects resolve hono, better-auth and workers-types. */
export const TEMP_ROOT = path.join(REPO_ROOT, '.tmp', 'build');

export function exampleNames(): string[] {
  return fs
    .readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function manifestIn(dir: string): string {
  const name = ['quickback.yaml', 'quickback.json'].find((file) =>
    fs.existsSync(path.join(dir, file)),
  );
  if (name === undefined) throw new Error(`no manifest in ${dir}`);
  return path.join(dir, name);
}

/** A new empty folder under .tmp/build/. */
export function freshDir(label: string): string {
  fs.mkdirSync(TEMP_ROOT, { recursive: true });
  return fs.mkdtempSync(path.join(TEMP_ROOT, `${label}-`));
}

/** Copies the example into `dir` (which should be empty) and builds it there. */
export async function buildExample(example: string, dir: string): Promise<BuildResult> {
  fs.cpSync(path.join(EXAMPLES_DIR, example), dir, { recursive: true });
  return build({ configPath: manifestIn(dir) });
}

/** Every file under `dir`, relative with forward slashes, sorted, with its bytes. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((entry) => fs.lstatSync(path.join(dir, entry)).isFile())
    .map((entry) => entry.split(path.sep).join('/'))
    .sort();
  return new Map(files.map((file) => [file, fs.readFileSync(path.join(dir, file))]));
}

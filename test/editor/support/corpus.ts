// The manifests the editor and the compiler must agree on: the shipped examples, manifests
// kept as test fixtures anywhere in the repo, and this folder's corpus of broken ones.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

import { SCHEMA_PATH } from '../../../src/validate/schema-file.ts';

export const REPO = join(import.meta.dirname, '../../..');
export const BROKEN_DIR = join(REPO, 'test/editor/fixtures/broken');

export interface Manifest {
  /** Repo-relative, for test names. */
  name: string;
  path: string;
  uri: string;
  /** What the editor opens: the file, with a modeline put first when it has none. */
  text: string;
  /** Lines added before the file's own first line (so editor line - shift = file line). */
  shift: number;
}

const MODELINE_PATTERN = /^#\s+yaml-language-server\s*:.*\$schema=/m;

/** Every file below `dir` (skipping node_modules) whose name passes `keep`. */
function filesUnder(dir: string, keep: (name: string) => boolean, found: string[] = []): string[] {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    if (statSync(path).isDirectory()) filesUnder(path, keep, found);
    else if (keep(entry)) found.push(path);
  }
  return found;
}

function fixtureFolders(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory()) continue;
    if (entry === 'fixtures') found.push(path);
    else fixtureFolders(path, found);
  }
  return found;
}

const isYaml = (name: string) => /\.ya?ml$/.test(name);
const isJson = (name: string) => name.endsWith('.json');

function isManifest(path: string): boolean {
  const text = readFileSync(path, 'utf8');
  if (isYaml(path)) return /(^|\/)quickback\.ya?ml$/.test(path) || MODELINE_PATTERN.test(text);
  return (
    /(^|\/)quickback\.json$/.test(path) ||
    /"\$schema"\s*:\s*"[^"]*quickback\.schema\.json"/.test(text)
  );
}

function load(path: string): Manifest {
  const own = readFileSync(path, 'utf8');
  const base = { name: relative(REPO, path), path, uri: pathToFileURL(path).href };

  // A manifest that names no schema gets the link a user would add, so it is really checked:
  // a modeline on a new first line (YAML), or "$schema" just inside the opening brace (JSON,
  // where the lines stay where they were).
  if (isYaml(path) && !MODELINE_PATTERN.test(own)) {
    return { ...base, text: `# yaml-language-server: $schema=${SCHEMA_PATH}\n${own}`, shift: 1 };
  }
  if (isJson(path) && !own.includes('"$schema"')) {
    const link = `"$schema": ${JSON.stringify(pathToFileURL(SCHEMA_PATH).href)},`;
    return { ...base, text: own.replace(/^\s*\{/, (brace) => `${brace} ${link}`), shift: 0 };
  }
  return { ...base, text: own, shift: 0 };
}

/** Examples and fixture manifests kept elsewhere in the repo (valid or not: the compiler says). */
export function repoManifests(kind: 'yaml' | 'json'): Manifest[] {
  const keep = kind === 'yaml' ? isYaml : isJson;
  const roots = [
    join(REPO, 'manifests-examples'),
    join(REPO, 'generated-fixtures'),
    ...fixtureFolders(join(REPO, 'test')).filter((dir) => !dir.startsWith(BROKEN_DIR)),
  ];
  const paths = roots.flatMap((root) => filesUnder(root, keep));
  return paths.filter((path) => !path.startsWith(BROKEN_DIR) && isManifest(path)).map(load);
}

/** Repo-relative paths of the shipped examples' manifests with this file name. */
export function exampleManifests(file: 'quickback.yaml' | 'quickback.json'): string[] {
  const root = join(REPO, 'manifests-examples');
  const names = readdirSync(root).filter((name) => existsSync(join(root, name, file)));
  return names.sort().map((name) => `manifests-examples/${name}/${file}`);
}

/** This folder's deliberately broken manifests. */
export function brokenManifests(kind: 'yaml' | 'json'): Manifest[] {
  return filesUnder(BROKEN_DIR, kind === 'yaml' ? isYaml : isJson).map(load);
}

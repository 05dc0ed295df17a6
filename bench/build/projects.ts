// The manifests the build benchmark compiles: every example, and a generated large one.

import fs from 'node:fs';
import path from 'node:path';

import { EXAMPLES_DIR, SCRATCH } from '../lib/paths.ts';
import { writeGeneratedManifest } from './generate-manifest.ts';

export interface BenchManifest {
  name: string;
  /** Folder holding the manifest; each run copies it, as a user's project folder. */
  sourceDir: string;
  /** File name of the manifest inside the folder. */
  file: string;
}

export const GENERATED_TABLES = 200;

function manifestFile(dir: string): string {
  const file = ['quickback.yaml', 'quickback.json'].find((f) => fs.existsSync(path.join(dir, f)));
  if (file === undefined) throw new Error(`no quickback.yaml or quickback.json in ${dir}`);
  return file;
}

export function exampleManifests(only?: readonly string[]): BenchManifest[] {
  const names = fs
    .readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => only === undefined || only.includes(name))
    .sort();

  return names.map((name) => {
    const sourceDir = path.join(EXAMPLES_DIR, name);
    return { name, sourceDir, file: manifestFile(sourceDir) };
  });
}

export function generatedManifest(): BenchManifest {
  const sourceDir = path.join(SCRATCH, 'manifests', `generated-${GENERATED_TABLES}`);
  const file = path.basename(writeGeneratedManifest(sourceDir, GENERATED_TABLES));
  return { name: `generated-${GENERATED_TABLES}`, sourceDir, file };
}

/** Where run `label` of a manifest builds. */
export function runDir(manifest: BenchManifest, label: string): string {
  return path.join(SCRATCH, 'build', manifest.name, label);
}

/** A fresh copy of the manifest's folder, the way a user's project starts before a build. */
export function freshCopy(manifest: BenchManifest, label: string): string {
  const dir = runDir(manifest, label);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(manifest.sourceDir, manifest.file), path.join(dir, manifest.file));
  return dir;
}

// Builds a manifest with the real CLI (`bin/quickback.js build`) into a fresh folder, exactly as
// a user would run it, and hands back where the generated project is.

import fs from 'node:fs';
import path from 'node:path';

import { CLI, EXAMPLES_DIR, freshProjectDir } from './paths.ts';
import { runCommand, type CommandResult } from './processes.ts';

export interface BuiltProject {
  /** A short name for logs and folder names. */
  name: string;
  /** Absolute output root: the generated Worker project. */
  dir: string;
  /** Absolute path of the manifest that was built. */
  manifest: string;
  /** Output of the last build (the CLI prints diagnostics and what it wrote). */
  output: CommandResult;
  /** Runs the same build again into the same folder (say, after adding a hand-written file). */
  rebuild(): Promise<CommandResult>;
}

export interface BuildOptions {
  /** Files (path relative to the output root -> contents) written before the first build. */
  files?: Record<string, string>;
}

const BUILD_TIMEOUT_MS = 60_000;

function exampleManifest(name: string): string {
  for (const file of ['quickback.yaml', 'quickback.json']) {
    const candidate = path.join(EXAMPLES_DIR, name, file);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`no example called ${name} in ${EXAMPLES_DIR}`);
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [relative, contents] of Object.entries(files)) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, contents);
  }
}

async function runBuild(manifest: string, dir: string): Promise<CommandResult> {
  const args = [CLI, 'build', '--config', manifest, '--out', dir];
  const result = await runCommand(process.execPath, args, {
    cwd: dir,
    timeoutMs: BUILD_TIMEOUT_MS,
  });
  if (result.code !== 0) {
    throw new Error(`quickback build failed (${result.code}):\n${result.stdout}${result.stderr}`);
  }
  return result;
}

/** Builds any manifest (a test fixture, say) into a fresh or given folder. */
export async function buildManifest(
  manifest: string,
  name: string,
  outDir?: string,
  options: BuildOptions = {},
): Promise<BuiltProject> {
  const dir = outDir ?? freshProjectDir(name);
  writeFiles(dir, options.files ?? {});

  const project: BuiltProject = {
    name,
    dir,
    manifest,
    output: await runBuild(manifest, dir),
    rebuild: async () => (project.output = await runBuild(manifest, dir)),
  };
  return project;
}

/**
 * Builds `manifests-examples/<name>/quickback.(yaml|json)` into outDir, by default a fresh
 * `.tmp/e2e/<name>-<random>/`.
 */
export function buildExample(
  name: string,
  outDir?: string,
  options: BuildOptions = {},
): Promise<BuiltProject> {
  return buildManifest(exampleManifest(name), name, outDir, options);
}

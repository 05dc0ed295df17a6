// Builds the recruitment example into the demo's working folder and installs what the
// generated project needs, as a new user would: the CLI, then npm in the project's folder.

import fs from 'node:fs';
import path from 'node:path';

import { CLI, REPO_ROOT } from '../test/support/paths.ts';
import { runCommand } from '../test/support/processes.ts';

export const MANIFEST = path.join(REPO_ROOT, 'manifests-examples', 'recruitment', 'quickback.yaml');
const HAND_WRITTEN = path.join(REPO_ROOT, 'demo', 'project');

/** What a generated project imports at run time, and what runs and checks it. */
const RUNTIME_PACKAGES = ['hono', 'better-auth', 'kysely'];
const TOOL_PACKAGES = ['wrangler', '@cloudflare/workers-types', 'typescript'];

/** The version this repository installs and tests the generated code with. */
function testedVersion(name: string): string {
  const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8'));
  const version = lock.packages?.[`node_modules/${name}`]?.version;
  if (typeof version !== 'string') throw new Error(`package-lock.json does not pin ${name}`);
  return version;
}

function pinned(names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, testedVersion(name)]));
}

function copyHandWritten(dir: string): void {
  fs.cpSync(HAND_WRITTEN, dir, { recursive: true });
}

async function run(command: string, args: string[], cwd: string, what: string): Promise<string> {
  const result = await runCommand(command, args, { cwd, timeoutMs: 300_000 });
  if (result.code !== 0) {
    throw new Error(`${what} failed (${result.code}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

export interface DemoProject {
  dir: string;
  buildSummary: string;
}

/**
 * A fresh folder each run: the demo's hand-written entry first (so the build leaves it alone),
 * then `quickback build`, then a package.json pinned to the versions this repo tests, then
 * `npm install`.
 */
export async function setUpProject(dir: string, log: (line: string) => void): Promise<DemoProject> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  copyHandWritten(dir);

  log(`quickback build --config ${path.relative(REPO_ROOT, MANIFEST)} --out ${dir}`);
  const args = [CLI, 'build', '--config', MANIFEST, '--out', dir];
  const buildSummary = (await run(process.execPath, args, REPO_ROOT, 'quickback build')).trim();
  log(`  ${buildSummary}`);

  const manifest = {
    name: 'recruitment-demo',
    private: true,
    type: 'module',
    dependencies: pinned(RUNTIME_PACKAGES),
    devDependencies: pinned(TOOL_PACKAGES),
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  log('npm install (hono, better-auth, kysely, wrangler, workers types)');
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], dir, 'npm install');
  return { dir, buildSummary };
}

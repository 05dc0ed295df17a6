// One side of each build comparison, as a child process: `quickback build` (cold or no-op) and
// `wrangler types`, both started with `node <bin>` so each pays one Node start-up.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { runOffline } from '../lib/offline.ts';
import { CLI, WRANGLER_BIN } from '../lib/paths.ts';

export interface Timing {
  ms: number;
  cpuMs: number;
}

export interface BuildRun extends Timing {
  written: number;
  removed: number;
  /** Names of the written and removed files (for explaining a no-op that was not). */
  changed: string[];
  unchanged: number;
}

interface JsonBuildReport {
  ok: boolean;
  written: string[];
  removed: string[];
  unchanged: number;
}

export async function quickbackBuild(dir: string, manifestFile: string): Promise<BuildRun> {
  const args = [CLI, 'build', '--config', manifestFile, '--out', '.', '--format', 'json'];
  const run = await runOffline(process.execPath, args, dir);

  let report: JsonBuildReport;
  try {
    report = JSON.parse(run.stdout) as JsonBuildReport;
  } catch {
    throw new Error(`quickback build printed no JSON report (exit ${run.code}):\n${run.stderr}`);
  }
  if (run.code !== 0 || !report.ok) {
    throw new Error(`quickback build failed in ${dir} (exit ${run.code}):\n${run.stdout}`);
  }
  return {
    ms: run.ms,
    cpuMs: run.cpuMs,
    written: report.written.length,
    removed: report.removed.length,
    changed: [...report.written, ...report.removed],
    unchanged: report.unchanged,
  };
}

/** Removes wrangler's output first, so every run generates the types from scratch. */
export async function wranglerTypes(dir: string): Promise<Timing> {
  fs.rmSync(path.join(dir, 'worker-configuration.d.ts'), { force: true });

  const run = await runOffline(process.execPath, [WRANGLER_BIN, 'types'], dir);
  if (run.code !== 0) {
    throw new Error(
      `wrangler types failed in ${dir} (exit ${run.code}):\n${run.stdout}${run.stderr}`,
    );
  }
  return { ms: run.ms, cpuMs: run.cpuMs };
}

/** Modification times of every file under dir, to check a no-op build touched nothing. */
export function fileTimes(dir: string): Map<string, number> {
  const times = new Map<string, number>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else times.set(full, fs.statSync(full).mtimeMs);
    }
  };
  walk(dir);
  return times;
}

export function changedFiles(before: Map<string, number>, after: Map<string, number>): number {
  let changed = 0;
  for (const [file, time] of after) if (before.get(file) !== time) changed += 1;
  for (const file of before.keys()) if (!after.has(file)) changed += 1;
  return changed;
}

export interface StageProfile {
  startupMs: number;
  compilerLoadMs: number;
  readMs: number;
  emitMs: number;
  formatMs: number;
  writeMs: number;
  files: number;
}

const STAGE_PROFILE = fileURLToPath(new URL('./stage-profile.ts', import.meta.url));

/** One cold build in a fresh process, timed stage by stage (stage-profile.ts). */
export async function stageProfile(dir: string, manifestFile: string): Promise<StageProfile> {
  const args = ['--import', 'tsx', STAGE_PROFILE, manifestFile, dir];
  const run = await runOffline(process.execPath, args, dir);
  if (run.code !== 0) throw new Error(`stage profile failed in ${dir}:\n${run.stderr}`);
  return JSON.parse(run.stdout) as StageProfile;
}

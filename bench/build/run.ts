// The build benchmark: for each manifest, cold builds (fresh folder) interleaved with
// `wrangler types` on the project the build just wrote, then no-op rebuilds of that project.
// Interleaving keeps a change in machine load from favouring one side.

import { progress } from '../lib/log.ts';
import { median, round } from '../lib/stats.ts';
import {
  changedFiles,
  fileTimes,
  quickbackBuild,
  stageProfile,
  wranglerTypes,
  type StageProfile,
  type Timing,
} from './measure.ts';
import {
  exampleManifests,
  freshCopy,
  generatedManifest,
  runDir,
  type BenchManifest,
} from './projects.ts';

export interface BuildFigures {
  name: string;
  /** Files the cold build wrote. */
  generatedFiles: number;
  coldMs: number;
  wranglerTypesMs: number;
  /** Ours over theirs: below 1 means quickback build is faster. */
  coldRatio: number;
  /** CPU time (user + system, the process and what it waited for), which load disturbs less. */
  coldCpuMs: number;
  wranglerTypesCpuMs: number;
  coldCpuRatio: number;
  noopMs: number;
  /** Most files any no-op rebuild wrote, according to its own report. */
  noopFilesWritten: number;
  noopFilesRemoved: number;
  /** Files whose modification time changed during the no-op rebuilds (an outside check). */
  noopFilesTouched: number;
  /** What no-op rebuilds wrote or removed, by name (empty when they were no-ops). */
  noopChanged: string[];
  /** Medians, per stage, of cold builds in a fresh process (see stage-profile.ts). */
  stages: StageProfile | null;
  runs: {
    coldMs: number[];
    wranglerTypesMs: number[];
    noopMs: number[];
    coldCpuMs: number[];
    wranglerTypesCpuMs: number[];
  };
}

export interface BuildSettings {
  runs: number;
  /** Example names to build; undefined builds every example. */
  examples?: readonly string[];
  /** The large generated manifest gets its own (smaller) run count: each run takes seconds. */
  generatedRuns: number;
  /** One unmeasured run of each side first (disk cache, tsx's transform cache). */
  warmUp: boolean;
  /** Stage-by-stage profiles per manifest (at most its run count). */
  stageRuns: number;
}

async function measureOne(
  manifest: BenchManifest,
  runs: number,
  settings: BuildSettings,
): Promise<BuildFigures> {
  const stageRuns = Math.min(runs, settings.stageRuns);
  if (settings.warmUp) {
    progress(`build: ${manifest.name}: warm-up (not measured)`);
    const warm = freshCopy(manifest, 'warm-up');
    await quickbackBuild(warm, manifest.file);
    await wranglerTypes(warm);
  }

  const cold: Timing[] = [];
  const types: Timing[] = [];
  let generatedFiles = 0;
  for (let run = 0; run < runs; run++) {
    const dir = freshCopy(manifest, `cold-${run}`);
    const built = await quickbackBuild(dir, manifest.file);
    cold.push(built);
    generatedFiles = built.written;
    const typed = await wranglerTypes(dir);
    types.push(typed);
    progress(
      `build: ${manifest.name}: cold ${round(built.ms)} ms (CPU ${built.cpuMs}), ` +
        `wrangler types ${round(typed.ms)} ms (CPU ${typed.cpuMs})`,
    );
  }

  // The first cold run's project is up to date (wrangler's own output file is not ours).
  const dir = runDir(manifest, 'cold-0');
  const noop: number[] = [];
  let written = 0;
  let removed = 0;
  let touched = 0;
  const changed = new Set<string>();
  for (let run = 0; run < runs; run++) {
    const before = fileTimes(dir);
    const rebuilt = await quickbackBuild(dir, manifest.file);
    touched += changedFiles(before, fileTimes(dir));
    noop.push(rebuilt.ms);
    written = Math.max(written, rebuilt.written);
    removed = Math.max(removed, rebuilt.removed);
    for (const file of rebuilt.changed) changed.add(file);
  }
  progress(`build: ${manifest.name}: no-op ${round(median(noop))} ms, ${written} files written`);

  const profiles: StageProfile[] = [];
  for (let run = 0; run < stageRuns; run++) {
    profiles.push(await stageProfile(freshCopy(manifest, `stages-${run}`), manifest.file));
  }

  const wall = (list: Timing[]) => list.map((t) => t.ms);
  const cpu = (list: Timing[]) => list.map((t) => t.cpuMs);
  const coldMs = median(wall(cold));
  const wranglerTypesMs = median(wall(types));
  const coldCpuMs = median(cpu(cold));
  const wranglerTypesCpuMs = median(cpu(types));
  return {
    name: manifest.name,
    generatedFiles,
    coldMs: round(coldMs),
    wranglerTypesMs: round(wranglerTypesMs),
    coldRatio: round(coldMs / wranglerTypesMs),
    coldCpuMs: round(coldCpuMs),
    wranglerTypesCpuMs: round(wranglerTypesCpuMs),
    coldCpuRatio: round(coldCpuMs / wranglerTypesCpuMs),
    noopMs: round(median(noop)),
    noopFilesWritten: written,
    noopFilesRemoved: removed,
    noopFilesTouched: touched,
    noopChanged: [...changed].sort(),
    stages: medianProfile(profiles),
    runs: {
      coldMs: wall(cold).map(round),
      wranglerTypesMs: wall(types).map(round),
      noopMs: noop.map(round),
      coldCpuMs: cpu(cold),
      wranglerTypesCpuMs: cpu(types),
    },
  };
}

export async function measureBuilds(settings: BuildSettings): Promise<BuildFigures[]> {
  const figures: BuildFigures[] = [];
  for (const manifest of exampleManifests(settings.examples)) {
    figures.push(await measureOne(manifest, settings.runs, settings));
  }
  figures.push(await measureOne(generatedManifest(), settings.generatedRuns, settings));
  return figures;
}

function medianProfile(profiles: StageProfile[]): StageProfile | null {
  if (profiles.length === 0) return null;
  const of = (key: keyof StageProfile) => round(median(profiles.map((p) => p[key])));
  return {
    startupMs: of('startupMs'),
    compilerLoadMs: of('compilerLoadMs'),
    readMs: of('readMs'),
    emitMs: of('emitMs'),
    formatMs: of('formatMs'),
    writeMs: of('writeMs'),
    files: of('files'),
  };
}

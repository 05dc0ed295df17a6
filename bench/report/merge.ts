// `--only` re-measures some sections; the others are kept from the previous results.json, each
// labelled with the run it came from, so BENCHMARKS.md can say which command measured what.

import fs from 'node:fs';

import type { Section } from '../settings.ts';
import type { BenchResults, SectionRun } from './results.ts';

type Draft = Omit<BenchResults, 'targets' | 'durationSec'>;

function readPrevious(file: string): BenchResults | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
  } catch {
    return null;
  }
}

function runOf(results: BenchResults, section: Section): SectionRun {
  return (
    results.sectionRuns?.[section] ?? {
      command: results.command,
      mode: results.mode,
      startedAt: results.startedAt,
      loadAverage: results.machine.loadAverage,
    }
  );
}

/** Fills the sections this run skipped from `file`, when it holds them. */
export function keepSkippedSections(draft: Draft, ran: readonly Section[], file: string): Draft {
  const previous = readPrevious(file);
  if (previous === null) return draft;

  const merged: Draft = {
    ...draft,
    settings: { ...draft.settings },
    sectionRuns: { ...draft.sectionRuns },
  };
  for (const section of ['build', 'tickets', 'fanout'] as const) {
    if (ran.includes(section) || previous[section] === null) continue;
    Object.assign(merged, { [section]: previous[section] });
    Object.assign(merged.settings, { [section]: previous.settings[section] });
    merged.sectionRuns[section] = runOf(previous, section);
  }

  // The upgrade rates in the tickets section come from the fan-out run.
  if (merged.tickets && merged.fanout && !ran.includes('fanout')) {
    merged.tickets = {
      ...merged.tickets,
      upgradesPerSec: merged.fanout.upgrades.workerdPerSec,
      upgradesBaselinePerSec: merged.fanout.upgrades.baselinePerSec,
    };
  }
  return merged;
}

// Run sizes. `--quick` keeps the whole bench under two minutes on a small machine; the full
// run is what BENCHMARKS.md is meant to show.

import type { BuildSettings } from './build/run.ts';
import type { FanoutSettings } from './fanout/run.ts';
import { PATH_NAMES } from './fanout/paths.ts';

export type Section = 'build' | 'fanout' | 'tickets';
export const SECTIONS: readonly Section[] = ['build', 'tickets', 'fanout'];

export interface BenchSettings {
  mode: 'full' | 'quick';
  /** Only re-render BENCHMARKS.md from bench/results.json (after editing the analysis). */
  renderOnly: boolean;
  sections: Section[];
  build: BuildSettings;
  tickets: { iterations: number; runs: number };
  fanout: FanoutSettings;
}

const FULL: Omit<BenchSettings, 'sections' | 'renderOnly'> = {
  mode: 'full',
  build: { runs: 5, generatedRuns: 3, warmUp: true, stageRuns: 3 },
  tickets: { iterations: 20_000, runs: 5 },
  fanout: {
    clients: 1_000,
    otherLaneClients: 50,
    rates: [5, 10, 20, 40, 80],
    writesPerRate: 100,
    warmUpWrites: 10,
    connect: { batch: 250, concurrency: 16 },
    drainTimeoutMs: 30_000,
    paths: [...PATH_NAMES],
  },
};

const QUICK: Omit<BenchSettings, 'sections' | 'renderOnly'> = {
  mode: 'quick',
  build: { runs: 1, examples: ['recruitment'], generatedRuns: 1, warmUp: false, stageRuns: 0 },
  tickets: { iterations: 3_000, runs: 1 },
  fanout: {
    clients: 200,
    otherLaneClients: 10,
    rates: [10, 40],
    writesPerRate: 20,
    warmUpWrites: 5,
    connect: { batch: 200, concurrency: 16 },
    drainTimeoutMs: 10_000,
    paths: [...PATH_NAMES],
  },
};

const USAGE = `Usage: npm run bench -- [--quick] [--only build,tickets,fanout] [--render]

  --quick   fewer runs, 200 sockets, two rates (under two minutes)
  --only    run these sections; the others are kept from the previous bench/results.json
  --render  measure nothing: rewrite BENCHMARKS.md from bench/results.json
`;

export function parseSettings(argv: string[]): BenchSettings | { help: string } {
  let quick = false;
  let renderOnly = false;
  let sections: Section[] = [...SECTIONS];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--render') renderOnly = true;
    else if (arg === '--only' && argv[i + 1] !== undefined) {
      const names = (argv[++i] as string).split(',');
      const unknown = names.filter((name) => !SECTIONS.includes(name as Section));
      if (unknown.length > 0) return { help: `unknown section ${unknown.join(', ')}\n${USAGE}` };
      sections = names as Section[];
    } else
      return { help: arg === '--help' || arg === '-h' ? USAGE : `unknown option ${arg}\n${USAGE}` };
  }
  return { ...(quick ? QUICK : FULL), sections, renderOnly };
}

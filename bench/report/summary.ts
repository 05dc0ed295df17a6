// From raw figures to the headline: which project and which rate each headline figure is
// taken at, and whether each target was met.

import type { BuildFigures } from '../build/run.ts';
import type { FanoutResult } from '../fanout/run.ts';
import type { StepFigures } from '../fanout/step.ts';
import { round } from '../lib/stats.ts';
import type { TicketRates } from '../tickets/node-rates.ts';
import type {
  BenchResults,
  BuildHeadline,
  FanoutHeadline,
  Target,
  TicketsHeadline,
} from './results.ts';

const HEADLINE_PROJECT = 'recruitment';
const COLD_SPEEDUP_TARGET = 3;
const MAX_COLD_RATIO = round(1 / COLD_SPEEDUP_TARGET);
const FANOUT_RATIO_TARGET = 0.8;
const P99_TARGET_MS = 25;

export function buildHeadline(projects: BuildFigures[], isolation: string): BuildHeadline {
  const main = projects.find((p) => p.name === HEADLINE_PROJECT) ?? (projects[0] as BuildFigures);
  return {
    project: main.name,
    coldMs: main.coldMs,
    wranglerTypesMs: main.wranglerTypesMs,
    coldRatio: main.coldRatio,
    coldCpuMs: main.coldCpuMs,
    wranglerTypesCpuMs: main.wranglerTypesCpuMs,
    coldCpuRatio: main.coldCpuRatio,
    noopMs: main.noopMs,
    noopFilesWritten: main.noopFilesWritten,
    isolation,
    projects,
  };
}

const best = (steps: StepFigures[]) => Math.max(0, ...steps.map((s) => s.deliveredMsgsPerSec));
const total = (steps: StepFigures[], key: keyof StepFigures) =>
  steps.reduce((sum, step) => sum + (Number(step[key]) || 0), 0);

export function fanoutHeadline(result: FanoutResult, clients: number): FanoutHeadline {
  const of = (path: string) => result.steps.filter((s) => s.path === path);
  const helper = of('helper');
  const baseline = of('baseline');

  // The highest rate both sustained; without one, the lowest rate, so latency is still shown.
  const rates = helper.map((s) => s.ratePerSec);
  const shared = rates.filter(
    (rate) =>
      helper.find((s) => s.ratePerSec === rate)?.sustained &&
      baseline.find((s) => s.ratePerSec === rate)?.sustained,
  );
  const comparedAtRate = shared.length > 0 ? Math.max(...shared) : null;
  const at = comparedAtRate ?? Math.min(...rates);
  const floor = of('workerd-floor');
  const h = helper.find((s) => s.ratePerSec === at);
  const b = baseline.find((s) => s.ratePerSec === at);
  const f = floor.find((s) => s.ratePerSec === at);

  const helperBest = best(helper);
  const baselineBest = best(baseline);
  return {
    clients,
    helperMsgsPerSec: helperBest,
    wsBaselineMsgsPerSec: baselineBest,
    ratio: round(helperBest / baselineBest),
    workerdFloorMsgsPerSec: floor.length > 0 ? best(floor) : null,
    comparedAtRate,
    p50Ms: h?.p50Ms ?? NaN,
    p99Ms: h?.p99Ms ?? NaN,
    baselineP50Ms: b?.p50Ms ?? NaN,
    baselineP99Ms: b?.p99Ms ?? NaN,
    floorP50Ms: f?.p50Ms ?? null,
    floorP99Ms: f?.p99Ms ?? null,
    missing: total(result.steps, 'missing'),
    missingAccepted: total(result.steps, 'missingAccepted'),
    duplicates: total(result.steps, 'duplicates'),
    crossLane: total(result.steps, 'crossLane'),
    serializationMismatches: total(result.steps, 'serializationMismatches'),
    recipientMismatches: total(result.steps, 'recipientMismatches'),
    writeErrors: total(result.steps, 'writeErrors'),
    saturatedAt: result.saturatedAt as Record<string, number>,
    cpuSecPer1k: {
      workerd: h?.serverCpuSecPer1k ?? NaN,
      workerdProxy: h?.proxyCpuSecPer1k ?? NaN,
      workerdFloor: f?.serverCpuSecPer1k ?? null,
      baselineServer: b?.serverCpuSecPer1k ?? NaN,
    },
    compression: 'permessage-deflate off on both sides (clients do not offer it)',
    framesIdentical: result.framesIdentical,
    unrecorded: result.unrecorded,
    upgrades: result.upgrades,
    steps: result.steps,
  };
}

export function ticketsHeadline(rates: TicketRates, fanout: FanoutResult | null): TicketsHeadline {
  return {
    ...rates,
    upgradesPerSec: fanout?.upgrades.workerdPerSec ?? null,
    upgradesBaselinePerSec: fanout?.upgrades.baselinePerSec ?? null,
  };
}

export function targets(results: Pick<BenchResults, 'build' | 'fanout'>): Target[] {
  const list: Target[] = [];
  const { build, fanout } = results;
  if (build !== null) {
    const speedup = round(build.wranglerTypesMs / build.coldMs);
    list.push({
      name: `cold build of ${build.project} vs wrangler types`,
      goal: `at least ${COLD_SPEEDUP_TARGET}x faster (coldRatio <= ${MAX_COLD_RATIO})`,
      measured:
        `${speedup}x (coldRatio ${build.coldRatio}; in CPU time ` +
        `${round(build.wranglerTypesCpuMs / build.coldCpuMs)}x)`,
      met: speedup >= COLD_SPEEDUP_TARGET,
    });
    const written = Math.max(...build.projects.map((p) => p.noopFilesWritten + p.noopFilesTouched));
    list.push({
      name: 'no-op rebuild',
      goal: 'writes nothing (every project)',
      measured: `${written} files written or touched at most`,
      met: written === 0,
    });
  }
  if (fanout !== null) {
    list.push({
      name: `helper fan-out at ${fanout.clients} sockets vs plain ws`,
      goal: `at least ${FANOUT_RATIO_TARGET * 100}% of the baseline's delivered msgs/s`,
      measured:
        `${round(fanout.ratio * 100)}% ` +
        `(${fanout.helperMsgsPerSec} vs ${fanout.wsBaselineMsgsPerSec} msgs/s)`,
      met: fanout.ratio >= FANOUT_RATIO_TARGET,
    });
    list.push({
      name: 'helper p99, write to receipt',
      goal: `under ${P99_TARGET_MS} ms at the highest rate both sustain`,
      measured:
        fanout.comparedAtRate === null
          ? `no rate sustained by both; ${fanout.p99Ms} ms at the lowest rate`
          : `${fanout.p99Ms} ms at ${fanout.comparedAtRate} writes/s`,
      met: fanout.comparedAtRate !== null && fanout.p99Ms < P99_TARGET_MS,
    });
    list.push({
      name: 'missing deliveries, every write of every step',
      goal: 'none',
      measured:
        `${fanout.missing} missing; ${fanout.writeErrors} writes refused past capacity, ` +
        `${fanout.missingAccepted} deliveries missing for accepted writes`,
      met: fanout.missing === 0,
    });
    const faults =
      fanout.missingAccepted +
      fanout.duplicates +
      fanout.crossLane +
      fanout.serializationMismatches +
      fanout.recipientMismatches +
      fanout.unrecorded +
      (fanout.framesIdentical ? 0 : 1);
    list.push({
      name: 'delivery correctness',
      goal:
        'no silent loss (accepted writes reach every socket), no duplicate or cross-lane ' +
        'delivery, serializations = distinct views',
      measured:
        `missing ${fanout.missingAccepted}, duplicates ${fanout.duplicates}, cross-lane ` +
        `${fanout.crossLane}, serialization mismatches ${fanout.serializationMismatches}, ` +
        `recipient mismatches ${fanout.recipientMismatches}, between steps ${fanout.unrecorded}`,
      met: faults === 0,
    });
  }
  return list;
}

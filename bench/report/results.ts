// The shape of bench/results.json: the headline figures the issue asks for, each beside the
// baseline measured in the same run, then every detail they were taken from.

import type { BuildFigures } from '../build/run.ts';
import type { FanoutResult } from '../fanout/run.ts';
import type { StepFigures } from '../fanout/step.ts';
import type { MachineInfo } from '../lib/machine.ts';
import type { BenchSettings } from '../settings.ts';
import type { TicketRates } from '../tickets/node-rates.ts';

export interface BuildHeadline {
  /** The project the headline figures are from (the recruitment example). */
  project: string;
  coldMs: number;
  wranglerTypesMs: number;
  coldRatio: number;
  /** The same comparison in CPU time, which other jobs on a shared machine disturb less. */
  coldCpuMs: number;
  wranglerTypesCpuMs: number;
  coldCpuRatio: number;
  noopMs: number;
  noopFilesWritten: number;
  /** How both sides were kept off the network. */
  isolation: string;
  projects: BuildFigures[];
}

export interface FanoutHeadline {
  clients: number;
  helperMsgsPerSec: number;
  wsBaselineMsgsPerSec: number;
  /** Helper over baseline. */
  ratio: number;
  /** The minimal Durable Object under the same wrangler dev: what workerd itself allows. */
  workerdFloorMsgsPerSec: number | null;
  /** The highest rate (writes/s) both the helper and the baseline sustained; null if none. */
  comparedAtRate: number | null;
  /** Helper latency from the scheduled write to receipt, at comparedAtRate. */
  p50Ms: number;
  p99Ms: number;
  baselineP50Ms: number;
  baselineP99Ms: number;
  floorP50Ms: number | null;
  floorP99Ms: number | null;
  /** Summed over every step of every path; includes writes refused past capacity. */
  missing: number;
  /** Deliveries missing for writes the system accepted (silent loss). */
  missingAccepted: number;
  duplicates: number;
  crossLane: number;
  serializationMismatches: number;
  recipientMismatches: number;
  /** Writes refused (error status, or the helper's `{ ok: false }`). */
  writeErrors: number;
  /** The rate at which each path saturated (not driven harder after it). */
  saturatedAt: Record<string, number>;
  /** CPU seconds per 1,000 deliveries at comparedAtRate. */
  cpuSecPer1k: {
    workerd: number;
    workerdProxy: number;
    workerdFloor: number | null;
    baselineServer: number;
  };
  compression: string;
  framesIdentical: boolean;
  /** Messages received between steps, when no write was in flight: must be 0. */
  unrecorded: number;
  upgrades: FanoutResult['upgrades'];
  steps: StepFigures[];
}

export interface TicketsHeadline extends TicketRates {
  upgradesPerSec: number | null;
  upgradesBaselinePerSec: number | null;
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean;
}

/** Which run measured a section (they differ when `--only` kept the others). */
export interface SectionRun {
  command: string;
  mode: BenchSettings['mode'];
  startedAt: string;
  loadAverage: number[];
}

export interface BenchResults {
  command: string;
  mode: BenchSettings['mode'];
  startedAt: string;
  durationSec: number;
  machine: MachineInfo;
  settings: Omit<BenchSettings, 'mode' | 'renderOnly'>;
  build: BuildHeadline | null;
  fanout: FanoutHeadline | null;
  tickets: TicketsHeadline | null;
  sectionRuns: Partial<Record<'build' | 'tickets' | 'fanout', SectionRun>>;
  targets: Target[];
}

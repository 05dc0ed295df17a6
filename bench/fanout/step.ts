// One measured step: a fixed number of open-loop writes at one rate through one path, then
// every count that can fail and the figures that describe it.

import { cpuSeconds } from '../lib/proc-cpu.ts';
import { percentiles, round } from '../lib/stats.ts';
import type { ClientPool } from './clients.ts';
import { drain, openLoop, type WriteAnswer, type WritePath } from './load.ts';
import { StepRecorder } from './recorder.ts';

export interface CpuSources {
  /** Processes that do the fan-out (workerd running the project, or the baseline server). */
  server: number[];
  /** wrangler dev's proxy workerd, which relays every frame; empty for the baseline. */
  proxy: number[];
}

export interface StepFigures {
  path: string;
  ratePerSec: number;
  writes: number;
  clients: number;
  offeredMsgsPerSec: number;
  deliveredMsgsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  expected: number;
  delivered: number;
  missing: number;
  duplicates: number;
  stray: number;
  crossLane: number;
  /** Writes the system refused (an error status, or the helper's `{ ok: false }`). */
  writeErrors: number;
  /** Up to three distinct refusals, as `<status> <body>`. */
  errorSamples: string[];
  /** Deliveries missing for writes the system accepted: silent loss, must be 0. */
  missingAccepted: number;
  /**
   * Writes whose reported serializations differ from the distinct texts clients received
   * (texts are collected for the first writes of a step; every write has the same views);
   * null when the path reports none.
   */
  serializationMismatches: number | null;
  /** Writes whose reported recipients differ from the number of lane-A sockets. */
  recipientMismatches: number | null;
  /** Most distinct texts (views) any sampled write of the step produced. */
  views: number;
  serverCpuSecPer1k: number;
  proxyCpuSecPer1k: number | null;
  clientCpuSecPer1k: number;
  /** Delivered at least 90% of the offered rate, and nothing missing. */
  sustained: boolean;
}

interface Report {
  recipients?: unknown;
  serializations?: unknown;
}

/** Distinct texts of the sampled writes; every write carries the same fields, so one count. */
function viewsOf(recorder: StepRecorder): number {
  return Math.max(0, ...recorder.distinctTexts.map((texts) => texts?.size ?? 0));
}

function describeAnswer(answer: WriteAnswer): string {
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return `${answer.status} ${body.slice(0, 160)}`;
}

function checkAnswers(answers: WriteAnswer[], path: WritePath, recorder: StepRecorder) {
  const views = viewsOf(recorder);
  let writeErrors = 0;
  let missingAccepted = 0;
  const errorSamples = new Set<string>();
  let serializations: number | null = null;
  let recipients: number | null = null;
  answers.forEach((answer, seq) => {
    if (path.accepted(answer)) {
      missingAccepted += recorder.clients - recorder.deliveredFor(seq);
    } else {
      writeErrors += 1;
      if (errorSamples.size < 3) errorSamples.add(describeAnswer(answer));
    }
    const report = (answer.body ?? {}) as Report;
    // Sampled writes are checked against their own texts, the others against the sample's.
    const distinct = recorder.distinctTexts[seq]?.size ?? views;
    if (typeof report.serializations === 'number') {
      serializations = (serializations ?? 0) + (report.serializations === distinct ? 0 : 1);
    }
    if (typeof report.recipients === 'number') {
      recipients = (recipients ?? 0) + (report.recipients === recorder.clients ? 0 : 1);
    }
  });
  return {
    writeErrors,
    errorSamples: [...errorSamples],
    missingAccepted,
    serializations,
    recipients,
  };
}

export async function runStep(
  pool: ClientPool,
  path: WritePath,
  rate: number,
  recorder: StepRecorder,
  cpu: CpuSources,
  drainTimeoutMs: number,
): Promise<StepFigures> {
  const before = { server: cpuSeconds(cpu.server), proxy: cpuSeconds(cpu.proxy) };
  const client = process.cpuUsage();

  pool.recorder = recorder;
  const answers = await openLoop(path, rate, recorder);
  await drain(recorder, drainTimeoutMs, 250);
  pool.recorder = null;

  const clientUsage = process.cpuUsage(client);
  const perThousand = (seconds: number) =>
    round((seconds * 1000) / Math.max(1, recorder.delivered));
  const latencies = recorder.latencies.subarray(0, recorder.delivered);
  const seconds = (recorder.lastReceipt - recorder.scheduled[0]!) / 1000;
  const offered = rate * recorder.clients;
  const delivered = recorder.delivered / seconds;
  const checks = checkAnswers(answers, path, recorder);
  const missing = recorder.expected - recorder.delivered;
  const [p50 = NaN, p99 = NaN, max = NaN] = percentiles(latencies, [50, 99, 100]);

  return {
    path: path.name,
    ratePerSec: rate,
    writes: recorder.writes,
    clients: recorder.clients,
    offeredMsgsPerSec: round(offered),
    deliveredMsgsPerSec: round(delivered),
    p50Ms: round(p50),
    p99Ms: round(p99),
    maxMs: round(max),
    expected: recorder.expected,
    delivered: recorder.delivered,
    missing,
    duplicates: recorder.duplicates,
    stray: recorder.stray,
    crossLane: recorder.crossLane,
    writeErrors: checks.writeErrors,
    errorSamples: checks.errorSamples,
    missingAccepted: checks.missingAccepted,
    serializationMismatches: checks.serializations,
    recipientMismatches: checks.recipients,
    views: viewsOf(recorder),
    serverCpuSecPer1k: perThousand(cpuSeconds(cpu.server) - before.server),
    proxyCpuSecPer1k:
      cpu.proxy.length > 0 ? perThousand(cpuSeconds(cpu.proxy) - before.proxy) : null,
    clientCpuSecPer1k: perThousand((clientUsage.user + clientUsage.system) / 1e6),
    sustained: missing === 0 && delivered >= 0.9 * offered,
  };
}

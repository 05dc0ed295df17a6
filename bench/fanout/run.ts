// The fan-out benchmark: the bench project under `wrangler dev` and the baseline server side
// by side, the same number of subscribers on each, and at every rate one step per path in
// turn, so a change in the shared machine's load falls on all paths alike.

import fs from 'node:fs';

import type { TableRuntimeConfig } from '../../runtime/realtime/types.ts';
import { progress } from '../lib/log.ts';
import { requireOpenFiles } from '../lib/machine.ts';
import { WRANGLER_LOG } from '../lib/paths.ts';
import { findWorkerd } from '../lib/proc-cpu.ts';
import { round } from '../lib/stats.ts';
import { startBaseline, type BaselineServer } from './baseline.ts';
import { createCast, type Cast, type CastMember } from './cast.ts';
import { ClientPool, type ClientSpec, type ConnectSettings } from './clients.ts';
import { benchRecord, generatedTables, MASKED_TABLE, renderFrames } from './frames.ts';
import type { WritePath } from './load.ts';
import { idPrefix, writePaths, type PathName } from './paths.ts';
import { startBenchProject, type BenchProject } from './project.ts';
import { StepRecorder } from './recorder.ts';
import { runStep, type CpuSources, type StepFigures } from './step.ts';

export interface FanoutSettings {
  /** Sockets in the organization lane that every write goes to. */
  clients: number;
  /** Sockets in the second organization's lane, which must receive nothing. */
  otherLaneClients: number;
  /** Writes per second, rising. */
  rates: number[];
  writesPerRate: number;
  warmUpWrites: number;
  connect: ConnectSettings;
  drainTimeoutMs: number;
  paths: PathName[];
}

export interface FanoutResult {
  upgrades: {
    workerdPerSec: number;
    /** The minimal Durable Object: no ticket, no claims, one tag. */
    floorPerSec: number | null;
    baselinePerSec: number;
    /** POST /broadcast/v1/ws-ticket answers per second while connecting (Better Auth + D1). */
    ticketRoutePerSec: number;
  };
  /** The baseline's frames equal, byte for byte, what the helper path delivered. */
  framesIdentical: boolean;
  /** Messages any client received between steps: must be 0. */
  unrecorded: number;
  /** Rate at which each path saturated; it was not driven harder after that. */
  saturatedAt: Partial<Record<PathName, number>>;
  steps: StepFigures[];
}

function specs(
  cast: Cast,
  settings: FanoutSettings,
  url: (m: CastMember) => () => Promise<string>,
) {
  const pick = (members: CastMember[], i: number) => members[i % members.length] as CastMember;
  const list: ClientSpec[] = [];
  for (let i = 0; i < settings.clients; i++) {
    const member = pick(cast.laneA, i);
    list.push({ lane: 'A', classId: member.classId, url: url(member) });
  }
  for (let i = 0; i < settings.otherLaneClients; i++) {
    const member = pick(cast.laneB, i);
    list.push({ lane: 'B', classId: member.classId, url: url(member) });
  }
  return list;
}

interface Pools {
  workerd: ClientPool;
  raw: ClientPool;
  plain: ClientPool;
}

async function connectPools(
  project: BenchProject,
  baseline: BaselineServer,
  cast: Cast,
  settings: FanoutSettings,
): Promise<Pools> {
  const workerdWs = project.server.url.replace(/^http/, 'ws');
  const baselineWs = baseline.url.replace(/^http/, 'ws');

  const workerd = new ClientPool();
  await workerd.connect(
    specs(cast, settings, (member) => async () => {
      const ticket = await cast.client.mintTicket(member.user.token);
      return `${workerdWs}/broadcast/v1/websocket?ws_ticket=${encodeURIComponent(ticket)}`;
    }),
    settings.connect,
  );
  progress(`fan-out: ${workerd.sockets.length} sockets open on the Broadcaster`);

  const raw = new ClientPool();
  if (settings.paths.includes('workerd-floor')) {
    const url = (m: CastMember) => async () =>
      `${workerdWs}/bench/raw/${m.lane}/ws?class=${m.classId}`;
    await raw.connect(specs(cast, settings, url), settings.connect);
    progress(`fan-out: ${raw.sockets.length} sockets open on the minimal Durable Object`);
  }

  const plain = new ClientPool();
  const plainUrl = (m: CastMember) => async () =>
    `${baselineWs}/ws?lane=${m.lane}&class=${m.classId}`;
  await plain.connect(specs(cast, settings, plainUrl), settings.connect);
  progress(`fan-out: ${plain.sockets.length} sockets open on the baseline`);
  return { workerd, raw, plain };
}

/**
 * A path far behind its offered rate, or refusing writes, is past its capacity: higher rates
 * would only pile up refusals and minutes of backlog, and say nothing new.
 */
function saturated(step: StepFigures): boolean {
  return step.writeErrors > 0 || step.deliveredMsgsPerSec < 0.6 * step.offeredMsgsPerSec;
}

interface Rig {
  pools: Pools;
  paths: Record<PathName, WritePath>;
  cpu: (path: PathName) => CpuSources;
  pool: (path: PathName) => ClientPool;
}

function step(
  rig: Rig,
  path: PathName,
  rate: number,
  recorder: StepRecorder,
  settings: FanoutSettings,
) {
  return runStep(
    rig.pool(path),
    rig.paths[path],
    rate,
    recorder,
    rig.cpu(path),
    settings.drainTimeoutMs,
  );
}

/** A few unmeasured writes per path; checks the baseline's frames against the helper's. */
async function warmUp(rig: Rig, cast: Cast, masked: TableRuntimeConfig, settings: FanoutSettings) {
  let framesIdentical = false;
  for (const path of settings.paths) {
    const prefix = idPrefix(path, 'w');
    const recorder = new StepRecorder(prefix, settings.warmUpWrites, rig.pool(path).laneA);
    await step(rig, path, settings.rates[0] as number, recorder, settings);
    if (path !== 'helper') continue;

    const record = benchRecord(`${prefix}0`, cast.orgA, cast.recordOwner.userId);
    const expected = renderFrames(masked, record, cast).frames;
    const received = recorder.distinctTexts[0] ?? new Set<string>();
    framesIdentical = expected.length === received.size && expected.every((f) => received.has(f));
  }
  return framesIdentical;
}

/** Every path at every rate, rising, each path until it saturates. */
async function climb(rig: Rig, settings: FanoutSettings) {
  const steps: StepFigures[] = [];
  const saturatedAt: Partial<Record<PathName, number>> = {};
  for (const [index, rate] of settings.rates.entries()) {
    for (const path of settings.paths) {
      if (saturatedAt[path] !== undefined) continue;

      const prefix = idPrefix(path, String(index));
      const recorder = new StepRecorder(prefix, settings.writesPerRate, rig.pool(path).laneA);
      const figures = await step(rig, path, rate, recorder, settings);
      steps.push(figures);
      if (saturated(figures)) saturatedAt[path] = rate;
      progress(
        `fan-out: ${path} at ${rate}/s: ${figures.deliveredMsgsPerSec} msgs/s, ` +
          `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, refused ${figures.writeErrors}, ` +
          `missing ${figures.missing}`,
      );
    }
  }
  return { steps, saturatedAt };
}

export async function measureFanout(settings: FanoutSettings): Promise<FanoutResult> {
  // Three pools of sockets (Broadcaster, minimal Durable Object, baseline), plus HTTP.
  requireOpenFiles(3 * (settings.clients + settings.otherLaneClients) + 512);
  progress('fan-out: building the bench project and starting wrangler dev');
  const project = await startBenchProject();
  const baseline = await startBaseline();
  let pools: Pools | undefined;

  try {
    const cast = await createCast(project.server.url);
    const tables = await generatedTables(project.dir);
    pools = await connectPools(project, baseline, cast, settings);
    const { workerd, raw, plain } = pools;
    const processes = findWorkerd(project.server.port);
    const rig: Rig = {
      pools,
      paths: writePaths(project.server.url, baseline.url, cast, tables),
      cpu: (path) =>
        path === 'baseline'
          ? { server: [baseline.pid], proxy: [] }
          : { server: processes.user, proxy: [processes.proxy] },
      pool: (path) => (path === 'baseline' ? plain : path === 'workerd-floor' ? raw : workerd),
    };

    const masked = tables[MASKED_TABLE];
    if (masked === undefined) throw new Error(`the bench project has no table ${MASKED_TABLE}`);
    const framesIdentical = await warmUp(rig, cast, masked, settings);
    progress(`fan-out: warm-up done; baseline frames equal the helper's: ${framesIdentical}`);

    const { steps, saturatedAt } = await climb(rig, settings);
    return {
      upgrades: {
        workerdPerSec: round(workerd.upgradesPerSec),
        floorPerSec: raw.sockets.length > 0 ? round(raw.upgradesPerSec) : null,
        baselinePerSec: round(plain.upgradesPerSec),
        ticketRoutePerSec: round(workerd.urlsPerSec),
      },
      framesIdentical,
      unrecorded: workerd.unrecorded + raw.unrecorded + plain.unrecorded,
      saturatedAt,
      steps,
    };
  } finally {
    for (const pool of Object.values(pools ?? {})) await pool.close();
    // wrangler dev's output (the Worker's console included) explains refused writes.
    fs.writeFileSync(WRANGLER_LOG, project.server.logs());
    await baseline.stop();
    await project.server.stop();
  }
}

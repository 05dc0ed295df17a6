// The fan-out benchmark: the bench project under `wrangler dev` and the baseline server side
// by side, the same number of subscribers on each, and at every rate one step per path in
// turn, so a change in the shared machine's load falls on all paths alike.

import { progress } from '../lib/log.ts';
import { requireOpenFiles } from '../lib/machine.ts';
import { findWorkerd } from '../lib/proc-cpu.ts';
import { round } from '../lib/stats.ts';
import { startBaseline, type BaselineServer } from './baseline.ts';
import { createCast, type Cast, type CastMember } from './cast.ts';
import { ClientPool, type ClientSpec, type ConnectSettings } from './clients.ts';
import { benchRecord, generatedTables, MASKED_TABLE, renderFrames } from './frames.ts';
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

export async function measureFanout(settings: FanoutSettings): Promise<FanoutResult> {
  // Two pools of sockets (workerd and the baseline), plus HTTP connections and files.
  requireOpenFiles(2 * (settings.clients + settings.otherLaneClients) + 512);
  progress('fan-out: building the bench project and starting wrangler dev');
  const project = await startBenchProject();
  const baseline = await startBaseline();
  let pools: Pools | undefined;

  try {
    const cast = await createCast(project.server.url);
    const tables = await generatedTables(project.dir);
    const paths = writePaths(project.server.url, baseline.url, cast, tables);
    pools = await connectPools(project, baseline, cast, settings);
    const { workerd, raw, plain } = pools;

    const processes = findWorkerd(project.server.port);
    const cpu = (path: PathName): CpuSources =>
      path === 'baseline'
        ? { server: [baseline.pid], proxy: [] }
        : { server: processes.user, proxy: [processes.proxy] };
    const poolFor = (path: PathName) =>
      path === 'baseline' ? plain : path === 'workerd-floor' ? raw : workerd;

    let framesIdentical = false;
    for (const path of settings.paths) {
      const recorder = new StepRecorder(
        idPrefix(path, 'w'),
        settings.warmUpWrites,
        poolFor(path).laneA,
      );
      const rate = settings.rates[0] as number;
      await runStep(poolFor(path), paths[path], rate, recorder, cpu(path), settings.drainTimeoutMs);
      if (path === 'helper') {
        const record = benchRecord(`${recorder.prefix}0`, cast.orgA, cast.recordOwner.userId);
        const expected = renderFrames(tables[MASKED_TABLE]!, record, cast).frames;
        const received = recorder.distinctTexts[0] ?? new Set<string>();
        framesIdentical =
          expected.length === received.size && expected.every((f) => received.has(f));
      }
    }
    progress(
      `fan-out: warm-up done; baseline frames identical to the helper's: ${framesIdentical}`,
    );

    const steps: StepFigures[] = [];
    for (const [index, rate] of settings.rates.entries()) {
      for (const path of settings.paths) {
        const pool = poolFor(path);
        const recorder = new StepRecorder(
          idPrefix(path, String(index)),
          settings.writesPerRate,
          pool.laneA,
        );
        const step = await runStep(
          pool,
          paths[path],
          rate,
          recorder,
          cpu(path),
          settings.drainTimeoutMs,
        );
        steps.push(step);
        progress(
          `fan-out: ${path} at ${rate}/s: ${step.deliveredMsgsPerSec} msgs/s, ` +
            `p50 ${step.p50Ms} ms, p99 ${step.p99Ms} ms, missing ${step.missing}`,
        );
      }
    }

    return {
      upgrades: {
        workerdPerSec: round(workerd.upgradesPerSec),
        floorPerSec: raw.sockets.length > 0 ? round(raw.upgradesPerSec) : null,
        baselinePerSec: round(plain.upgradesPerSec),
        ticketRoutePerSec: round(workerd.urlsPerSec),
      },
      framesIdentical,
      unrecorded: workerd.unrecorded + raw.unrecorded + plain.unrecorded,
      steps,
    };
  } finally {
    for (const pool of Object.values(pools ?? {})) await pool.close();
    await baseline.stop();
    await project.server.stop();
  }
}

// BENCHMARKS.md, written from the results of one run. The figures and settings come from the
// run; the method is described here once; the analysis of shortfalls is hand-written in
// analysis.md beside this file and included as it is.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { BenchResults, BuildHeadline, FanoutHeadline, TicketsHeadline } from './results.ts';
import { table } from './tables.ts';

const ANALYSIS = fileURLToPath(new URL('./analysis.md', import.meta.url));

/** Lists the run behind each section when `--only` kept sections of an earlier run. */
function provenance(results: BenchResults): string {
  const runs = Object.entries(results.sectionRuns ?? {});
  if (runs.every(([, run]) => run.startedAt === results.startedAt)) return '';

  const lines = runs.map(
    ([section, run]) =>
      `- ${section}: \`${run.command}\` (${run.mode} run, ${run.startedAt}, load average ` +
      `${run.loadAverage.join(', ')})`,
  );
  return `\nThe sections come from different runs:\n\n${lines.join('\n')}\n`;
}

function header(results: BenchResults): string {
  const m = results.machine;
  const versions = Object.entries(m.versions).map(([name, version]) => `${name} ${version}`);
  return `# Benchmarks

Written by \`${results.command}\` (${results.mode} run, ${results.startedAt}, took
${results.durationSec} s). Regenerate with the same command; do not edit by hand (the analysis
at the end comes from \`bench/report/analysis.md\`). Raw figures: \`bench/results.json\`.
Benchmarks never run in \`npm test\`, and no test asserts a time.
${provenance(results)}
**Machine:** ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}. Load average when the run
started: ${m.loadAverage.join(', ')} (the machine is shared: other jobs ran beside the bench, and
the load generator shares the same ${m.cores} cores with the servers it measures). Open files
limit (\`ulimit -n\`): ${m.openFilesLimit.soft} soft, ${m.openFilesLimit.hard} hard, as found
(the bench sets nothing; it needs about three times the socket count plus a few hundred).

**Versions:** ${versions.join(', ')}.
`;
}

function targetsSection(results: BenchResults): string {
  const rows = results.targets.map((t) => [
    t.name,
    t.goal,
    t.measured,
    t.met ? 'met' : '**not met**',
  ]);
  return `## Targets\n\n${table(['target', 'goal', 'measured', 'verdict'], rows)}\n`;
}

const STAGE_HEADER = [
  'project',
  'start-up',
  'compiler load',
  'read + validate',
  'emit',
  'format',
  'write',
];
const BUILD_HEADER = [
  'project',
  'files',
  'cold ms',
  'wrangler types ms',
  'ratio',
  'speed-up',
  'cold CPU ms',
  'wrangler types CPU ms',
  'CPU speed-up',
  'no-op ms',
  'no-op written',
  'no-op touched',
];

/** Names what a no-op rebuild wrote, when one did (say, the compiler changed mid-run). */
function noopNotes(build: BuildHeadline): string {
  const notes = build.projects
    .filter((p) => p.noopChanged.length > 0)
    .map((p) => `A no-op rebuild of ${p.name} wrote or removed: ${p.noopChanged.join(', ')}.\n`);
  return notes.length > 0 ? `${notes.join('')}\n` : '';
}

function isolationText(isolation: string): string {
  return isolation === 'network namespace'
    ? 'inside a fresh network namespace (`unshare -rn`, loopback only), so neither could reach ' +
        'the internet'
    : 'with no network isolation available on this machine; wrangler metrics and the ' +
        '`Request.cf` fetch are off';
}

function buildSection(build: BuildHeadline): string {
  const rows = build.projects.map((p) => [
    p.name,
    p.generatedFiles,
    p.coldMs,
    p.wranglerTypesMs,
    p.coldRatio,
    Number((p.wranglerTypesMs / p.coldMs).toFixed(2)),
    p.coldCpuMs,
    p.wranglerTypesCpuMs,
    Number((p.wranglerTypesCpuMs / p.coldCpuMs).toFixed(2)),
    p.noopMs,
    p.noopFilesWritten,
    p.noopFilesTouched,
  ]);
  const stages = build.projects.map((p) => [
    p.name,
    p.stages?.startupMs,
    p.stages?.compilerLoadMs,
    p.stages?.readMs,
    p.stages?.emitMs,
    p.stages?.formatMs,
    p.stages?.writeMs,
  ]);
  const runs = build.projects[0]?.runs.coldMs.length ?? 0;
  return `## Build

Each side runs as a child process started the same way, \`node <bin> ...\`, so both pay one
Node start-up: \`node bin/quickback.js build --config <manifest> --out . --format json\` in a
fresh copy of the manifest's folder (cold: nothing generated yet), and
\`node node_modules/wrangler/bin/wrangler.js types\` (what \`npx wrangler types\` runs, minus npx's
own start-up, which only favours wrangler) with the generated project as its working folder,
its previous \`worker-configuration.d.ts\` removed so every run generates from scratch. Both
run offline: ${isolationText(build.isolation)}.
Runs alternate between the two sides; ${runs} runs each (examples), figures are medians.
The no-op rebuild runs the same build again on an up-to-date project; "written" comes from the
build's own JSON report, "touched" from comparing every file's modification time before and
after. The 200-table manifest is generated by \`bench/build/generate-manifest.ts\`.

Headline (${build.project}): cold ${build.coldMs} ms against ${build.wranglerTypesMs} ms for
\`wrangler types\`, ratio ${build.coldRatio} (ours over theirs); in CPU time ${build.coldCpuMs} ms
against ${build.wranglerTypesCpuMs} ms, ratio ${build.coldCpuRatio}. No-op ${build.noopMs} ms,
${build.noopFilesWritten} files written.

${noopNotes(build)}Wall time is what the targets are about. CPU time (user + system of the
command and of the processes it waited for, so wrangler's workerd counts) is shown beside it
because other jobs on a shared machine stretch wall time far more than CPU time.

${table(BUILD_HEADER, rows)}

Where a cold build's time goes (a fresh process running the build's stages one by one,
\`bench/build/stage-profile.ts\`; medians, ms). "start-up" is everything before the first stage,
measured from process start; "compiler load" is the part of it spent importing the compiler's
modules (TypeScript, prettier, ajv, yaml) through tsx.

${table(STAGE_HEADER, stages)}
`;
}

const SPEED_HEADER = [
  'path',
  'writes/s',
  'offered msgs/s',
  'delivered msgs/s',
  'p50 ms',
  'p99 ms',
  'max ms',
  'sustained',
];
const CHECKS_HEADER = [
  'path',
  'writes/s',
  'refused writes',
  'missing',
  'missing (accepted writes)',
  'duplicates',
  'cross-lane',
  'views',
  'serialization mismatches',
  'server CPU',
  'proxy CPU',
  'client CPU',
];

/** Which paths stopped early, and what the refused writes were answered with. */
function saturationNotes(f: FanoutHeadline): string {
  const lines = Object.entries(f.saturatedAt).map(
    ([path, rate]) =>
      `- ${path} saturated at ${rate} writes/s (refusing writes or below 60% of the offered ` +
      'rate) and was not driven harder.',
  );
  for (const step of f.steps) {
    for (const sample of step.errorSamples) {
      const quoted = sample.replace(/`/g, "'");
      lines.push(`- ${step.path} at ${step.ratePerSec}/s refused a write with: \`${quoted}\``);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function fanoutSection(f: FanoutHeadline, results: BenchResults): string {
  const s = results.settings.fanout;
  const speed = f.steps.map((step) => [
    step.path,
    step.ratePerSec,
    step.offeredMsgsPerSec,
    step.deliveredMsgsPerSec,
    step.p50Ms,
    step.p99Ms,
    step.maxMs,
    step.sustained,
  ]);
  const checks = f.steps.map((step) => [
    step.path,
    step.ratePerSec,
    step.writeErrors,
    step.missing,
    step.missingAccepted,
    step.duplicates,
    step.crossLane,
    step.views,
    step.serializationMismatches,
    step.serverCpuSecPer1k,
    step.proxyCpuSecPer1k,
    step.clientCpuSecPer1k,
  ]);
  const at =
    f.comparedAtRate === null
      ? 'the lowest rate (no rate was sustained by both)'
      : `${f.comparedAtRate} writes/s`;
  return `## Fan-out

One Broadcaster (one organization lane) under \`wrangler dev\` on 127.0.0.1, ${f.clients}
WebSocket clients on it over three roles (recruiter, interviewer, admin: ten Better Auth users,
sockets dealt round-robin; one interviewer owns every record, so a tenth of the sockets get the
owner's view), masking on (five masked fields). ${s.otherLaneClients} more sockets sit in a second
organization's lane and must receive nothing. Every socket has its own single-use ticket from
\`POST /broadcast/v1/ws-ticket\`, minted before the clock starts; connecting is not timed in the
fan-out figures. ${f.compression}.

Writes are open-loop: write *i* of a step is due at *start + i/rate*, sent whether or not
earlier ones were answered, ${s.writesPerRate} writes per rate, rates ${s.rates.join(', ')} writes/s
(each write goes to all ${f.clients} sockets). Latency runs from the write's scheduled time to
the client's receipt, so a late load generator counts against the system, not for it. Paths,
taken in turn at each rate so load changes hit all alike:

- **crud**: \`POST /api/v1/candidates\` as the record owner (Better Auth session, D1 insert,
  then the broadcast);
- **helper**: \`POST /bench/insert\`, a route in the bench's hand-written \`src/index.ts\` calling
  \`createRealtime(env).insert('candidates', ...)\`; it returns the Broadcaster's
  \`{ recipients, serializations }\`, checked against what the clients got;
- **helper-unmasked**: the same on \`plain_candidates\`, the same columns without masking;
- **workerd-floor**: the least a Durable Object can do under the same \`wrangler dev\`
  (\`bench/fanout/worker/raw-fanout.ts\`: sockets accepted with the hibernation API and one
  tag, no ticket; it receives the baseline's frames and sends them), on its own sockets;
- **baseline**: a plain Node \`ws\` server (own process, 127.0.0.1) receiving the write over one
  HTTP hop with the frames already serialized (rendered by the runtime's own view code, and
  checked byte for byte against the helper's: ${f.framesIdentical ? 'identical' : '**different**'}),
  sending each socket its view's frame.

A step is *sustained* when nothing is missing and at least 90% of the offered messages/s were
delivered. CPU is process CPU (user + system, \`/proc/<pid>/stat\`) per 1,000 deliveries: the
workerd running the project ("server"), wrangler dev's second workerd that relays every socket
frame ("proxy"; it would not exist in production), and the bench process holding all clients
and the load generator ("client").

Headline: helper ${f.helperMsgsPerSec} msgs/s against ${f.wsBaselineMsgsPerSec} for the baseline
(best step of each), ratio ${f.ratio}; the workerd floor reached
${f.workerdFloorMsgsPerSec ?? 'n/a'} msgs/s. At ${at}: helper p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms;
baseline p50 ${f.baselineP50Ms} ms, p99 ${f.baselineP99Ms} ms; workerd floor p50
${f.floorP50Ms ?? 'n/a'} ms, p99 ${f.floorP99Ms ?? 'n/a'} ms. Over every step of every path:
refused writes ${f.writeErrors}, missing ${f.missing} (for accepted writes ${f.missingAccepted}),
duplicates ${f.duplicates}, cross-lane ${f.crossLane}, serialization
mismatches ${f.serializationMismatches}, recipient-count mismatches ${f.recipientMismatches},
messages between steps ${f.unrecorded}.

${table(SPEED_HEADER, speed)}

Counts that must be zero, the views seen (distinct texts per write), and CPU seconds per 1,000
deliveries. "Refused" writes are those the system answered with an error (or the helper's
\`{ ok: false }\`): their deliveries are missing by design, the write was reported failed. A
delivery missing for an *accepted* write would be silent loss.

${table(CHECKS_HEADER, checks)}

${saturationNotes(f)}

Upgrades while connecting (${s.connect.concurrency} in flight): Broadcaster
${f.upgrades.workerdPerSec}/s (ticket verified in the Worker, jti claimed in the Broadcaster's
storage, socket accepted with tags and attachment), minimal Durable Object
${f.upgrades.floorPerSec ?? 'n/a'}/s (no ticket), baseline ${f.upgrades.baselinePerSec}/s
(no ticket);
the ticket route answered ${f.upgrades.ticketRoutePerSec} mints/s (session lookup in D1 included).
`;
}

function ticketsSection(t: TicketsHeadline): string {
  const rows = [
    ['mintTicket (runtime/realtime/ticket.ts)', t.mintPerSec],
    ['verifyTicket', t.verifyPerSec],
    ['bare HMAC-SHA256 sign, same bytes (baseline)', t.hmacBaselinePerSec],
    ['bare HMAC-SHA256 verify, same bytes', t.hmacVerifyBaselinePerSec],
    ['strict base64url decode of both parts (a step of verifyTicket)', t.decodePerSec],
  ];
  return `## Tickets

The runtime module itself, in Node ${process.versions.node} on WebCrypto, one operation at a time
(\`await\` in a loop, as a request does), ${t.iterations.toLocaleString('en-US')} operations per
run,
median of ${t.runs} runs after a warm-up run. The baseline signs the ticket's payload bytes with
an already imported key, so the gap is what the format costs on top of its MAC.
verifyTicket runs at ${t.verifyRatio} of the bare sign rate.

${table(['operation', 'per second'], rows)}

Upgrades under \`wrangler dev\` (from the fan-out run): ${t.upgradesPerSec ?? 'n/a'}/s against
${t.upgradesBaselinePerSec ?? 'n/a'}/s for the plain \`ws\` server.
`;
}

export function renderMarkdown(results: BenchResults): string {
  const parts = [header(results), targetsSection(results)];
  if (results.build) parts.push(buildSection(results.build));
  if (results.fanout) parts.push(fanoutSection(results.fanout, results));
  if (results.tickets) parts.push(ticketsSection(results.tickets));
  if (fs.existsSync(ANALYSIS)) parts.push(fs.readFileSync(ANALYSIS, 'utf8').trim() + '\n');
  return parts.join('\n');
}

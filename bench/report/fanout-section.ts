// The fan-out section of BENCHMARKS.md: the set-up, the paths, every step's figures and the
// counts that must be zero.

import type { BenchResults, FanoutHeadline } from './results.ts';
import { table } from './tables.ts';

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
function saturationNotes(f: FanoutHeadline, rates: number[]): string {
  const top = Math.max(...rates);
  const lines = Object.entries(f.saturatedAt)
    .filter(([, rate]) => rate < top)
    .map(
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

export function fanoutSection(f: FanoutHeadline, results: BenchResults): string {
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

${saturationNotes(f, s.rates)}

Upgrades while connecting (${s.connect.concurrency} in flight): Broadcaster
${f.upgrades.workerdPerSec}/s (ticket verified in the Worker, jti claimed in the Broadcaster's
storage, socket accepted with tags and attachment), minimal Durable Object
${f.upgrades.floorPerSec ?? 'n/a'}/s (no ticket), baseline ${f.upgrades.baselinePerSec}/s
(no ticket); the ticket route answered ${f.upgrades.ticketRoutePerSec} mints/s (session lookup
in D1 included).
`;
}

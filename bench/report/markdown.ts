// BENCHMARKS.md, written from the results of one run. The figures and settings come from the
// run; the method is described here once; the analysis of shortfalls is hand-written in
// analysis.md beside this file and included as it is.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

import { buildSection } from './build-section.ts';
import { fanoutSection } from './fanout-section.ts';
import type { BenchResults, TicketsHeadline } from './results.ts';
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

function ticketsSection(t: TicketsHeadline, node: string): string {
  const rows = [
    ['mintTicket (runtime/realtime/ticket.ts)', t.mintPerSec],
    ['verifyTicket', t.verifyPerSec],
    ['bare HMAC-SHA256 sign, same bytes (baseline)', t.hmacBaselinePerSec],
    ['bare HMAC-SHA256 verify, same bytes', t.hmacVerifyBaselinePerSec],
    ['strict base64url decode of both parts (a step of verifyTicket)', t.decodePerSec],
  ];
  return `## Tickets

The runtime module itself, in Node ${node} on WebCrypto, one operation at a time (\`await\` in
a loop, as a request does), ${t.iterations.toLocaleString('en-US')} operations per run, median of
${t.runs} runs after a warm-up run. The baseline signs the ticket's payload bytes with an
already imported key, so the gap is what the format costs on top of its MAC.
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
  if (results.tickets)
    parts.push(ticketsSection(results.tickets, results.machine.versions.node ?? '?'));
  parts.push(analysis(results));
  return parts.join('\n');
}

/** The hand-written analysis quotes full runs; a quick run's figures would not match it. */
function analysis(results: BenchResults): string {
  const runs = Object.values(results.sectionRuns ?? {});
  const full = runs.length > 0 ? runs.every((run) => run.mode === 'full') : results.mode === 'full';
  if (!full) {
    return (
      '## Analysis\n\nThis was a quick run, so the analysis of the full run ' +
      '(`bench/report/analysis.md`) is left out: its figures would not match these.\n'
    );
  }
  return fs.existsSync(ANALYSIS) ? `${fs.readFileSync(ANALYSIS, 'utf8').trim()}\n` : '';
}

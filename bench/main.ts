// `npm run bench`: runs the build, ticket and fan-out benchmarks, each beside its baseline,
// and writes bench/results.json and BENCHMARKS.md. Progress goes to stderr.

import fs from 'node:fs';

import { measureBuilds } from './build/run.ts';
import { measureFanout, type FanoutResult } from './fanout/run.ts';
import { progress } from './lib/log.ts';
import { describeMachine } from './lib/machine.ts';
import { offlineIsolation } from './lib/offline.ts';
import { BENCHMARKS_MD, RESULTS_JSON } from './lib/paths.ts';
import { renderMarkdown } from './report/markdown.ts';
import { keepSkippedSections } from './report/merge.ts';
import { writeFormatted } from './report/write.ts';
import type { BenchResults } from './report/results.ts';
import { buildHeadline, fanoutHeadline, targets, ticketsHeadline } from './report/summary.ts';
import { parseSettings, type BenchSettings } from './settings.ts';
import { measureTicketRates } from './tickets/node-rates.ts';

function commandLine(argv: string[]): string {
  return argv.length === 0 ? 'npm run bench' : `npm run bench -- ${argv.join(' ')}`;
}

async function run(settings: BenchSettings, argv: string[]): Promise<BenchResults> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  const wants = (section: BenchSettings['sections'][number]) => settings.sections.includes(section);

  const build = wants('build')
    ? buildHeadline(await measureBuilds(settings.build), offlineIsolation())
    : null;

  const rates = wants('tickets')
    ? await measureTicketRates(settings.tickets.iterations, settings.tickets.runs)
    : null;
  if (rates)
    progress(`tickets: verify ${rates.verifyPerSec}/s, bare HMAC ${rates.hmacBaselinePerSec}/s`);

  const fanout: FanoutResult | null = wants('fanout') ? await measureFanout(settings.fanout) : null;

  const { mode, renderOnly: _renderOnly, ...rest } = settings;
  const command = commandLine(argv);
  const thisRun = { command, mode, startedAt, loadAverage: machine.loadAverage };
  const draft = keepSkippedSections(
    {
      command,
      mode,
      startedAt,
      machine,
      settings: rest,
      build,
      fanout: fanout ? fanoutHeadline(fanout, settings.fanout.clients) : null,
      tickets: rates ? ticketsHeadline(rates, fanout) : null,
      sectionRuns: Object.fromEntries(settings.sections.map((section) => [section, thisRun])),
    },
    settings.sections,
    RESULTS_JSON,
  );
  const durationSec = Math.round((performance.now() - started) / 1000);
  return { ...draft, durationSec, targets: targets(draft) };
}

export async function main(argv: string[]): Promise<number> {
  const settings = parseSettings(argv);
  if ('help' in settings) {
    process.stderr.write(settings.help);
    return argv.includes('--help') || argv.includes('-h') ? 0 : 1;
  }

  if (settings.renderOnly) {
    const recorded = JSON.parse(fs.readFileSync(RESULTS_JSON, 'utf8')) as BenchResults;
    await writeFormatted(RESULTS_JSON, JSON.stringify(recorded, null, 2));
    await writeFormatted(BENCHMARKS_MD, renderMarkdown(recorded));
    process.stdout.write(`rewrote ${BENCHMARKS_MD} from ${RESULTS_JSON}\n`);
    return 0;
  }

  const results = await run(settings, argv);
  await writeFormatted(RESULTS_JSON, JSON.stringify(results, null, 2));
  await writeFormatted(BENCHMARKS_MD, renderMarkdown(results));

  for (const target of results.targets) {
    const verdict = target.met ? 'met' : 'NOT MET';
    process.stdout.write(
      `${verdict.padEnd(8)} ${target.name}: ${target.measured} (goal: ${target.goal})\n`,
    );
  }
  process.stdout.write(`wrote ${RESULTS_JSON} and ${BENCHMARKS_MD}\n`);
  return 0;
}

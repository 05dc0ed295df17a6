// `quickback build`: validate the manifest and write the generated project. Writes only files
// whose bytes changed; with any error, writes nothing.

import path from 'node:path';

import { build, type BuildResult } from '../../build.ts';
import type { Diagnostic } from '../../diagnostics/types.ts';
import { MIGRATIONS_DIR } from '../../emit/migrations/replay.ts';
import { formatOption, parseCommandArgs, stringOption, type OutputFormat } from '../args.ts';
import { resolveConfigPath, type ConfigLocation } from '../config.ts';
import type { CliIO } from '../io.ts';
import { hasErrors } from '../render.ts';
import { printDiagnostics } from '../report.ts';
import { watchManifest } from '../watch.ts';
import type { Command } from './types.ts';

const HELP = `Usage: quickback build [FILE] [--config FILE] [--out DIR] [--watch]
                       [--format pretty|json]

Validates a manifest and writes the project it describes: src/lib/realtime.ts, the runtime
in src/lib/realtime/ and src/lib/server/, the routes, the Worker entry, D1 migrations and the
wrangler config (merged into yours, keeping every line you wrote).

Only files whose bytes changed are written; generated files the manifest no longer asks for
are removed (migrations never are). With any error nothing is written, and a file in the way
that quickback did not generate is never overwritten.

Options:
  -c, --config FILE   the manifest (default: quickback.yaml, then quickback.json)
  -o, --out DIR       output root (default: the manifest's folder)
  -w, --watch         build, then build again whenever the manifest changes (Ctrl-C stops)
  --format FORMAT     pretty (default) or json
  -h, --help          show this help
`;

/** Up to this many written files are listed by name in the pretty summary. */
const LISTED_FILES = 10;

export const buildCommand: Command = {
  name: 'build',
  summary: 'validate a manifest and write the generated project',
  help: HELP,
  async run(argv, io) {
    const args = parseCommandArgs(
      'build',
      argv,
      {
        config: { type: 'string', short: 'c' },
        out: { type: 'string', short: 'o' },
        format: { type: 'string' },
        watch: { type: 'boolean', short: 'w' },
      },
      1,
    );
    const format = formatOption(args);
    const config = resolveConfigPath(io.cwd, stringOption(args, 'config'), args.positionals[0]);
    const out = stringOption(args, 'out');

    const buildOnce = () => runBuild(io, config, out, format);
    if (args.values.watch === true) {
      await buildOnce();
      return watchManifest(config.absolutePath, buildOnce, io);
    }
    return buildOnce();
  },
};

async function runBuild(
  io: CliIO,
  config: ConfigLocation,
  out: string | undefined,
  format: OutputFormat,
): Promise<number> {
  const result = await build({
    configPath: config.absolutePath,
    outDir: out === undefined ? undefined : path.resolve(io.cwd, out),
    displayPath: config.displayPath,
  });
  const diagnostics = result.diagnostics.map((d) => relativeFile(io, d));
  const outDir = displayPath(io, result.outDir);

  printDiagnostics(io, diagnostics, format, {
    manifest: config.displayPath,
    outDir,
    written: result.report?.written ?? [],
    removed: result.report?.removed ?? [],
    unchanged: result.report?.unchanged ?? 0,
  });
  if (format === 'pretty' && result.report !== null) io.stdout(summary(outDir, result));
  return hasErrors(diagnostics) ? 1 : 0;
}

/**
 * `N written, N removed, N unchanged` counts the files every build emits. New migrations are
 * counted apart: a build writes each one once and never emits it again, so counting it with
 * the rest would make a rebuild report fewer files than the build before it.
 */
function summary(outDir: string, result: BuildResult): string {
  const { written, removed, unchanged } = result.report!;
  const migrations = written.filter((file) => file.startsWith(`${MIGRATIONS_DIR}/`)).length;
  const files = written.length - migrations;
  const added = migrations === 0 ? '' : `, ${plural(migrations, 'new migration')}`;
  const head =
    written.length === 0 && removed.length === 0
      ? `${outDir}: up to date (${plural(unchanged, 'file')} unchanged)`
      : `${outDir}: ${files} written, ${removed.length} removed, ${unchanged} unchanged${added}`;
  const listed = written.length <= LISTED_FILES ? written.map((file) => `  wrote    ${file}`) : [];
  const gone = removed.map((file) => `  removed  ${file}`);
  return `${[head, ...listed, ...gone].join('\n')}\n`;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The stages name files by absolute path; people read them relative to where they are. */
function relativeFile(io: CliIO, diagnostic: Diagnostic): Diagnostic {
  if (!path.isAbsolute(diagnostic.file)) return diagnostic;
  return { ...diagnostic, file: displayPath(io, diagnostic.file) };
}

function displayPath(io: CliIO, absolute: string): string {
  const relative = path.relative(io.cwd, absolute);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

// The CLI entry: picks the command, and is the one place that tells user mistakes (a short
// message, exit 1) from compiler bugs (the stack, exit 2).

import { readFileSync } from 'node:fs';

import { COMMANDS } from './commands/index.ts';
import type { Command } from './commands/types.ts';
import { BUG_EXIT_CODE, UserError } from './errors.ts';
import { processIO, type CliIO } from './io.ts';

export { parseCommandArgs, formatOption, stringOption } from './args.ts';
export type { OutputFormat, ParsedArgs } from './args.ts';
export { resolveConfigPath, DEFAULT_MANIFESTS } from './config.ts';
export type { ConfigLocation } from './config.ts';
export { UserError, BUG_EXIT_CODE } from './errors.ts';
export { processIO } from './io.ts';
export type { CliIO } from './io.ts';
export { printDiagnostics, sourceReader } from './report.ts';
export { renderPretty, renderJson, summarize, hasErrors } from './render.ts';
export type { Command } from './commands/types.ts';

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  return runGuarded(io, () => dispatch(argv, io));
}

/** Runs `action`, turning a UserError into its message and anything else into a bug report. */
export async function runGuarded(io: CliIO, action: () => Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`quickback: ${error.message}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(
      `quickback: internal error (this is a bug in quickback, please report it)\n${detail}\n`,
    );
    return BUG_EXIT_CODE;
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;

  if (first === undefined || first === '--help' || first === '-h') {
    io.stdout(usage());
    return first === undefined ? 1 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${version()}\n`);
    return 0;
  }
  if (first === 'help') {
    const command = rest[0] === undefined ? undefined : find(rest[0]);
    io.stdout(command ? command.help : usage());
    return 0;
  }

  const command = find(first);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help);
    return 0;
  }
  return command.run(rest, io);
}

function find(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;

  const known = COMMANDS.map((c) => c.name).join(', ');
  throw new UserError(`unknown command \`${name}\`; the commands are ${known}`);
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: quickback <command> [options]

Commands:
${lines.join('\n')}

Run \`quickback <command> --help\` for a command's options.
`;
}

function version(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

// Argument parsing with node:util, turning its errors into user errors.

import { parseArgs, type ParseArgsConfig } from 'node:util';

import { UserError } from './errors.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommandArgs(
  command: string,
  argv: string[],
  options: OptionSpec,
  maxPositionals: number,
): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    const result = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    parsed = { values: result.values as ParsedArgs['values'], positionals: result.positionals };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UserError(`${detail}\nRun \`quickback ${command} --help\` for usage.`);
  }

  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals.slice(maxPositionals).join(' ');
    throw new UserError(
      `unexpected argument: ${extra}\nRun \`quickback ${command} --help\` for usage.`,
    );
  }
  return parsed;
}

/** A string option's value, or undefined when absent. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export type OutputFormat = 'pretty' | 'json';

export function formatOption(args: ParsedArgs): OutputFormat {
  const format = stringOption(args, 'format') ?? 'pretty';
  if (format !== 'pretty' && format !== 'json') {
    throw new UserError(`--format must be \`pretty\` or \`json\`, not \`${format}\``);
  }
  return format;
}

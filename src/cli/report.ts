// What every command that reads a manifest prints: its diagnostics, in the chosen format.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Diagnostic } from '../diagnostics/types.ts';
import type { OutputFormat } from './args.ts';
import type { CliIO } from './io.ts';
import { renderJson, renderPretty, summarize } from './render.ts';

/** Reads files named by diagnostics, relative to the working folder, for code frames. */
export function sourceReader(io: CliIO): (file: string) => string | null {
  return (file) => {
    try {
      return readFileSync(resolve(io.cwd, file), 'utf8');
    } catch {
      return null;
    }
  };
}

/**
 * Pretty: diagnostics and a count on stderr. JSON: one document on stdout, with `extra`
 * fields (a build adds the files it wrote, say).
 */
export function printDiagnostics(
  io: CliIO,
  diagnostics: Diagnostic[],
  format: OutputFormat,
  extra: Record<string, unknown> = {},
): void {
  if (format === 'json') {
    io.stdout(renderJson(diagnostics, extra));
    return;
  }

  if (diagnostics.length === 0) return;
  io.stderr(renderPretty(diagnostics, { color: io.color, readSource: sourceReader(io) }));
  io.stderr(`\n${summarize(diagnostics)}\n`);
}

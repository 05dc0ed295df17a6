// Prints diagnostics as a compiler does (`file:line:col error CODE message` and a code
// frame), or as JSON for CI. Both forms carry the same items.

import type { Diagnostic } from '../diagnostics/types.ts';
import type { OutputFormat } from './args.ts';
import { codeFrame, SourceLines } from './code-frame.ts';

export interface RenderOptions {
  color: boolean;
  /** The text of a file named by a diagnostic, for code frames; null when unreadable. */
  readSource: (file: string) => string | null;
}

const paint = (on: boolean, code: string, text: string) =>
  on ? `\u001b[${code}m${text}\u001b[0m` : text;

export function renderPretty(diagnostics: Diagnostic[], options: RenderOptions): string {
  // Each file is read and indexed once, however many diagnostics point into it.
  const sources = new Map<string, SourceLines | null>();
  const source = (file: string) => {
    if (!sources.has(file)) {
      const text = options.readSource(file);
      sources.set(file, text === null ? null : new SourceLines(text));
    }
    return sources.get(file) ?? null;
  };

  const blocks = diagnostics.map((d) => {
    const where = d.range ? `${d.file}:${d.range.start.line}:${d.range.start.column}` : d.file;
    const severity = paint(options.color, d.severity === 'error' ? '31;1' : '33;1', d.severity);
    const code = paint(options.color, '2', d.code);
    const head = `${paint(options.color, '1', where)} ${severity} ${code} ${d.message}`;

    const lines = d.range ? source(d.file) : null;
    const frame = lines !== null && d.range ? codeFrame(lines, d.range) : '';
    return frame === '' ? head : `${head}\n${frame}`;
  });

  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

export function summarize(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** The JSON document `--format json` prints; commands may add their own fields. */
export function renderJson(diagnostics: Diagnostic[], extra: Record<string, unknown> = {}): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const report = {
    ok: errors === 0,
    errorCount: errors,
    warningCount: diagnostics.length - errors,
    ...extra,
    diagnostics,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

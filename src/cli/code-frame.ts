// The source lines around a diagnostic, with a caret under the exact range.

import type { SourceRange } from '../diagnostics/types.ts';

const CONTEXT_BEFORE = 1;

export function codeFrame(text: string, range: SourceRange): string {
  const lines = text.split(/\r?\n/);
  const line = range.start.line;
  if (line < 1 || line > lines.length) return '';

  const first = Math.max(1, line - CONTEXT_BEFORE);
  const width = String(line).length;
  const gutter = (n: number | null, marker: string) =>
    `${marker} ${(n === null ? '' : String(n)).padStart(width)} |`;

  const out: string[] = [];
  for (let n = first; n <= line; n++) {
    const source = lines[n - 1] ?? '';
    out.push(`${gutter(n, n === line ? '>' : ' ')}${source === '' ? '' : ` ${source}`}`);
  }

  const source = lines[line - 1] ?? '';
  const start = range.start.column - 1;
  const end = range.end.line === line ? range.end.column - 1 : source.length;
  // Reuse the line's own tabs in the padding so the caret lines up in any tab width.
  const padding = source.slice(0, start).replace(/[^\t]/g, ' ');
  const carets = '^'.repeat(Math.max(1, end - start));
  out.push(`${gutter(null, ' ')} ${padding}${carets}`);

  return out.join('\n');
}

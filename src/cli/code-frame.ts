// The source lines around a diagnostic, with a caret under the exact range. Long lines are
// cut to a window around the caret, so a huge one-line value prints a few columns, not the
// whole value.

import type { SourceRange } from '../diagnostics/types.ts';

const CONTEXT_BEFORE = 1;

/** At most this many source columns of a line are shown. */
export const FRAME_WIDTH = 160;

/** Columns kept before the caret when a line is cut. */
const LEAD = 40;

const CUT = '…';

/**
 * A file's text with its line starts found once, so that each frame reads only the lines it
 * shows instead of splitting (copying) the whole file again.
 */
export class SourceLines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.starts.push(i + 1);
    }
  }

  get count(): number {
    return this.starts.length;
  }

  /** Where 1-based line `n` starts, and its length without the line break. */
  span(n: number): { start: number; length: number } {
    const start = this.starts[n - 1] ?? this.text.length;
    let end = n < this.starts.length ? (this.starts[n] ?? start) - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return { start, length: end - start };
  }

  /** Columns [from, to) of line `n` (0-based, end clamped to the line). */
  slice(n: number, from: number, to: number): string {
    const { start, length } = this.span(n);
    return this.text.slice(start + Math.min(from, length), start + Math.min(to, length));
  }
}

export function codeFrame(source: string | SourceLines, range: SourceRange): string {
  const lines = typeof source === 'string' ? new SourceLines(source) : source;
  const line = range.start.line;
  if (line < 1 || line > lines.count) return '';

  const length = lines.span(line).length;
  const start = range.start.column - 1;
  const end = range.end.line === line ? range.end.column - 1 : length;
  const from = windowStart(length, start);
  const to = from + FRAME_WIDTH;

  const width = String(line).length;
  const gutter = (n: number | null, marker: string) =>
    `${marker} ${(n === null ? '' : String(n)).padStart(width)} |`;

  const out: string[] = [];
  for (let n = Math.max(1, line - CONTEXT_BEFORE); n <= line; n++) {
    const shown = visible(lines, n, from, to);
    out.push(`${gutter(n, n === line ? '>' : ' ')}${shown === '' ? '' : ` ${shown}`}`);
  }

  // Reuse the line's own tabs in the padding so the caret lines up in any tab width.
  const mark = from > 0 ? ' ' : '';
  const padding = mark + lines.slice(line, from, start).replace(/[^\t]/g, ' ');
  const carets = '^'.repeat(Math.max(1, Math.min(end, to) - start));
  out.push(`${gutter(null, ' ')} ${padding}${carets}`);

  return out.join('\n');
}

/** The first column shown: 0 for a short line, else a little before the caret. */
function windowStart(length: number, caret: number): number {
  if (length <= FRAME_WIDTH) return 0;
  return Math.max(0, Math.min(caret - LEAD, length - FRAME_WIDTH));
}

/** Line `n` cut to columns [from, to), with a mark on each side where text was left out. */
function visible(lines: SourceLines, n: number, from: number, to: number): string {
  const { length } = lines.span(n);
  if (from === 0 && length <= to) return lines.slice(n, 0, length);

  const before = from > 0 && length > 0 ? CUT : '';
  const after = length > to ? CUT : '';
  return `${before}${lines.slice(n, from, to)}${after}`;
}

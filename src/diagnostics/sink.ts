// Collects diagnostics from every pass so the CLI can report them all at once.

import { CODES, type CodeParams, type DiagnosticCode } from './codes.ts';
import type { Diagnostic, SourceRange } from './types.ts';
import type { PathSegment, RangePart, SourceDocument } from '../load/source.ts';

export class DiagnosticSink {
  private readonly items: Diagnostic[] = [];

  constructor(readonly file: string) {}

  report<C extends DiagnosticCode>(
    code: C,
    params: CodeParams<C>,
    range: SourceRange | null,
  ): void {
    const entry = CODES[code];
    const message = (entry.message as (p: CodeParams<C>) => string)(params);
    this.items.push({ code, severity: entry.severity, message, file: this.file, range });
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** Diagnostics in file order; those without a place first. */
  sorted(): Diagnostic[] {
    return [...this.items].sort(compareDiagnostics);
  }
}

/** Reports at a place in a loaded document. */
export class DocumentReporter {
  constructor(
    readonly sink: DiagnosticSink,
    readonly source: SourceDocument,
  ) {}

  at<C extends DiagnosticCode>(
    code: C,
    params: CodeParams<C>,
    path: readonly PathSegment[],
    part: RangePart = 'value',
  ): void {
    this.sink.report(code, params, this.source.rangeOf(path, part));
  }
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const al = a.range?.start.line ?? 0;
  const bl = b.range?.start.line ?? 0;
  if (al !== bl) return al - bl;

  const ac = a.range?.start.column ?? 0;
  const bc = b.range?.start.column ?? 0;
  if (ac !== bc) return ac - bc;

  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

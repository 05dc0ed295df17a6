// A diagnostic is a user-facing finding with a stable code and a place in the user's file.

export type Severity = 'error' | 'warning';

export interface SourcePosition {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
}

export interface Diagnostic {
  /** Stable code such as `QB012`; the full list lives in src/diagnostics/codes.ts. */
  code: string;
  severity: Severity;
  message: string;
  /** File the diagnostic is about, as given to the CLI. */
  file: string;
  /** Null only when the problem has no place (a missing file, say). */
  range: SourceRange | null;
}

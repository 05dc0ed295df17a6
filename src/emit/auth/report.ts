// Diagnostics raised while emitting: the emitters see the model, not the source document, so
// these carry the file they are about and no range.

import { CODES, type CodeParams, type DiagnosticCode } from '../../diagnostics/codes.ts';
import type { Diagnostic } from '../../diagnostics/types.ts';

export function emitDiagnostic<C extends DiagnosticCode>(
  code: C,
  params: CodeParams<C>,
  file: string,
): Diagnostic {
  const entry = CODES[code];
  const message = (entry.message as (p: CodeParams<C>) => string)(params);
  return { code, severity: entry.severity, message, file, range: null };
}

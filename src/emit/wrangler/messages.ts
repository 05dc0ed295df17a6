// Diagnostics of the wrangler merge (QB080 to QB083, worded in src/diagnostics/codes.ts).
// Each names the config file.

import type { Diagnostic } from '../../diagnostics/types.ts';
import { emitDiagnostic } from '../auth/report.ts';

/** `where` is the absolute path the diagnostic points at; messages name the file as `file`. */
export interface ConfigFile {
  where: string;
  file: string;
}

export function unreadable({ where, file }: ConfigFile, detail: string): Diagnostic {
  return emitDiagnostic('QB080', { file, detail }, where);
}

export function mergeFailed({ where, file }: ConfigFile, detail: string, snippet: string) {
  return emitDiagnostic('QB081', { file, detail, snippet }, where);
}

export function bindingClash({ where, file }: ConfigFile, className: string): Diagnostic {
  return emitDiagnostic('QB082', { file, className }, where);
}

export function nodeCompatMissing({ where, file }: ConfigFile): Diagnostic {
  return emitDiagnostic('QB083', { file }, where);
}

// Diagnostics of the write stage (QB070 to QB072, worded in src/diagnostics/codes.ts). Each
// names the file; none has a place in the manifest.

import { CODES } from '../diagnostics/codes.ts';
import type { Diagnostic } from '../diagnostics/types.ts';

export function notGenerated(file: string, relativePath: string): Diagnostic {
  const { severity, message } = CODES.QB070;
  return { code: 'QB070', severity, file, range: null, message: message({ path: relativePath }) };
}

/** Something at `relativePath` that is not what the build needs there. */
export function blockedPath(
  file: string,
  relativePath: string,
  found: string,
  needs: 'file' | 'folder' | 'root',
): Diagnostic {
  const { severity, message } = CODES.QB071;
  const text = message({ path: relativePath, found, needs });
  return { code: 'QB071', severity, file, range: null, message: text };
}

export function writeFailed(file: string, reason: string, restored: boolean): Diagnostic {
  const { severity, message } = CODES.QB072;
  const text = message({ path: file, reason, restored });
  return { code: 'QB072', severity, file, range: null, message: text };
}

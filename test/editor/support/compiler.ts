// What `quickback check --format json` says about a manifest, through the CLI's own entry.

import { dirname } from 'node:path';

import { main } from '../../../src/cli/main.ts';
import type { Diagnostic } from '../../../src/diagnostics/types.ts';

export interface CheckReport {
  exitCode: number;
  ok: boolean;
  diagnostics: Diagnostic[];
}

export async function quickbackCheck(manifestPath: string): Promise<CheckReport> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (text: string) => void (stdout += text),
    stderr: (text: string) => void (stderr += text),
    cwd: dirname(manifestPath),
    color: false,
  };

  const exitCode = await main(['check', '--format', 'json', manifestPath], io);
  if (stdout === '')
    throw new Error(`quickback check printed no JSON (exit ${exitCode}): ${stderr}`);

  const report = JSON.parse(stdout) as { ok: boolean; diagnostics: Diagnostic[] };
  return { exitCode, ok: report.ok, diagnostics: report.diagnostics };
}

/** The 0-based lines (as LSP counts them) on which the compiler reports something. */
export function compilerLines(report: CheckReport): Set<number> {
  const lines = report.diagnostics.flatMap((d) => (d.range ? [d.range.start.line - 1] : []));
  return new Set(lines);
}

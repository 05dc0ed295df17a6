// The write stage: check every target, then write all changed files or none.

import type { Diagnostic } from '../diagnostics/types.ts';
import type { EmittedFile } from '../emit/types.ts';
import { applyPlan, type WriteReport } from './apply.ts';
import { nodeFileOps, type FileOps } from './file-ops.ts';
import { planWrite } from './plan.ts';

export type { WriteReport } from './apply.ts';
export type { FileOps } from './file-ops.ts';
export { GENERATED_DIRS, GENERATED_FILES } from './areas.ts';
export { checkOutputRoot } from './plan.ts';
export { nodeFileOps };

export interface WriteResult {
  /** Null when nothing was written because of the diagnostics. */
  report: WriteReport | null;
  diagnostics: Diagnostic[];
}

/** Checks every target, then writes all changed files or none. */
export function writeOutput(
  outDir: string,
  files: readonly EmittedFile[],
  ops: FileOps = nodeFileOps,
): WriteResult {
  const { plan, diagnostics } = planWrite(outDir, files, ops);
  if (diagnostics.length > 0) return { report: null, diagnostics };

  return applyPlan(plan, ops);
}

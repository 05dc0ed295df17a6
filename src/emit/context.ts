// The EmitContext a build hands to its emitters: the model, plus read-only views of what the
// output folder already holds (emitters that merge or append need it), and a diagnostic sink.

import path from 'node:path';

import type { Diagnostic } from '../diagnostics/types.ts';
import type { ProjectModel } from '../model/types.ts';
import { nodeFileOps, type FileOps } from '../write/file-ops.ts';
import type { EmitContext } from './types.ts';

export function createEmitContext(
  model: ProjectModel,
  outDir: string,
  diagnostics: Diagnostic[],
  ops: FileOps = nodeFileOps,
): EmitContext {
  return {
    model,
    outDir,
    readExisting: (relativePath) => ops.read(path.join(outDir, relativePath)),
    listExisting: (relativeDir) => listFiles(outDir, relativeDir.replace(/\/+$/, ''), ops),
    report: (diagnostic) => diagnostics.push(diagnostic),
  };
}

/** Regular files under a folder, recursively, relative to the output root, sorted. */
function listFiles(outDir: string, relativeDir: string, ops: FileOps): string[] {
  const dir = path.join(outDir, relativeDir);
  if (ops.kind(dir) !== 'dir') return [];
  return ops.list(dir).flatMap((name) => {
    const relative = `${relativeDir}/${name}`;
    const kind = ops.kind(path.join(outDir, relative));
    if (kind === 'file') return [relative];
    return kind === 'dir' ? listFiles(outDir, relative, ops) : [];
  });
}

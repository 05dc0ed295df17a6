// An in-memory EmitContext: existing files in a Map, reported diagnostics in an array.

import type { Diagnostic } from '../../src/diagnostics/types.ts';
import type { EmitContext } from '../../src/emit/types.ts';
import type { ProjectModel } from '../../src/model/types.ts';

export interface MemoryContext extends EmitContext {
  diagnostics: Diagnostic[];
}

export function memoryContext(model: ProjectModel, files: Map<string, string>): MemoryContext {
  const diagnostics: Diagnostic[] = [];
  return {
    model,
    outDir: '/virtual',
    diagnostics,
    readExisting: (path) => files.get(path) ?? null,
    listExisting: (dir) => [...files.keys()].filter((path) => path.startsWith(`${dir}/`)),
    report: (diagnostic) => diagnostics.push(diagnostic),
  };
}

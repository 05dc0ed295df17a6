// `quickback build`, stage by stage: read the manifest into a model, emit every file, format
// them, write the ones that changed. Any error stops the build before the write stage, and the
// write stage itself changes all files or none, so a failed build leaves the folder as it was.

import path from 'node:path';

import type { Diagnostic } from './diagnostics/types.ts';
import { createEmitContext } from './emit/context.ts';
import { emitProject, emitters as defaultEmitters } from './emit/index.ts';
import type { Emitter } from './emit/types.ts';
import { formatFiles } from './format/index.ts';
import { readProject } from './frontend.ts';
import {
  checkOutputRoot,
  nodeFileOps,
  writeOutput,
  type FileOps,
  type WriteReport,
} from './write/index.ts';

export type { WriteReport } from './write/index.ts';

export interface BuildOptions {
  /** The manifest, `quickback.yaml` or `quickback.json`. */
  configPath: string;
  /** Output root; defaults to the manifest's folder. */
  outDir?: string;
  /** How diagnostics name the manifest; defaults to `configPath` as given. */
  displayPath?: string;
  /** Replaces the emitter list (tests). */
  emitters?: readonly Emitter[];
  /** Replaces file system access of the emit and write stages (tests inject failures). */
  fileOps?: FileOps;
}

export interface BuildResult {
  /** Absolute output root. */
  outDir: string;
  /** Errors and warnings from every stage that ran. */
  diagnostics: Diagnostic[];
  /** What was written; null when an error stopped the build and no file changed. */
  report: WriteReport | null;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir ?? path.dirname(path.resolve(options.configPath)));
  const diagnostics: Diagnostic[] = [];
  const stop = (found: Diagnostic[]) => finish(outDir, [...diagnostics, ...found], null);

  const project = await readProject(options.configPath, {
    outDir,
    displayPath: options.displayPath,
  });
  diagnostics.push(...project.diagnostics);
  // A file as the output root fails every write; say so before emitting anything.
  const root = checkOutputRoot(outDir, options.fileOps ?? nodeFileOps);
  if (root !== null) diagnostics.push(root);
  if (project.model === null || hasErrors(diagnostics)) return stop([]);

  const context = createEmitContext(project.model, outDir, diagnostics, options.fileOps);
  const emitted = emitProject(context, options.emitters ?? defaultEmitters);
  if (hasErrors(diagnostics)) return stop([]);

  const formatted = await formatFiles(emitted);

  const written = writeOutput(outDir, formatted, options.fileOps);
  return finish(outDir, [...diagnostics, ...written.diagnostics], written.report);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

function finish(outDir: string, diagnostics: Diagnostic[], report: WriteReport | null) {
  return { outDir, diagnostics, report };
}

// The compiler's front end: read a manifest, check it, and normalize it into the model.
// Everything after this reads the ProjectModel, never the manifest file.

import { dirname, resolve } from 'node:path';

import { DiagnosticSink, DocumentReporter } from './diagnostics/sink.ts';
import type { Diagnostic } from './diagnostics/types.ts';
import { loadManifest } from './load/load.ts';
import { normalize } from './model/normalize.ts';
import type { ProjectModel } from './model/types.ts';
import { checkReferences } from './validate/references.ts';
import { checkSchema } from './validate/schema.ts';

export interface ReadProjectOptions {
  /** Output root; defaults to the manifest's folder. Sets `model.manifestPath`. */
  outDir?: string;
  /** How diagnostics name the file; defaults to `configPath` as given. */
  displayPath?: string;
}

export interface ReadProjectResult {
  /** Null when any diagnostic is an error. */
  model: ProjectModel | null;
  /** Errors and warnings, in file order. */
  diagnostics: Diagnostic[];
}

export async function readProject(
  configPath: string,
  options: ReadProjectOptions = {},
): Promise<ReadProjectResult> {
  const manifestPath = resolve(configPath);
  const sink = new DiagnosticSink(options.displayPath ?? configPath);
  const done = (model: ProjectModel | null) => ({ model, diagnostics: sink.sorted() });

  const source = await loadManifest(manifestPath, sink);
  if (source === null) return done(null);

  const reporter = new DocumentReporter(sink, source);
  const manifest = checkSchema(reporter);
  if (manifest === null || sink.hasErrors()) return done(null);

  checkReferences(manifest, reporter);
  if (sink.hasErrors()) return done(null);

  const outDir = resolve(options.outDir ?? dirname(manifestPath));
  return done(normalize(manifest, { manifestPath, outDir }));
}

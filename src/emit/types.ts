// What every emitter produces and receives. The build collects files from all emitters, then
// formats and writes them in one all-or-nothing step.

import type { Diagnostic } from '../diagnostics/types.ts';
import type { ProjectModel } from '../model/types.ts';

export type FileKind = 'ts' | 'sql' | 'toml' | 'jsonc' | 'json' | 'md';

export interface EmittedFile {
  /** Path relative to the output root, with forward slashes. */
  path: string;
  contents: string;
  kind: FileKind;
  /**
   * Generated files carry the quickback header and may be replaced or removed by later builds.
   * A merged user file (wrangler config) is not generated: it is rewritten in place, keeping
   * the user's bytes, and never removed.
   */
  generated: boolean;
  /**
   * Already in the output style, so the format stage passes it through untouched: the runtime
   * copies, which the repo keeps prettier-formatted (a test checks it). Saves most of a build's
   * time; generated code is always formatted.
   */
  preformatted?: boolean;
}

export interface EmitContext {
  model: ProjectModel;
  /** Absolute output root. */
  outDir: string;
  /** Current contents of a file under the output root, or null when it does not exist. */
  readExisting(relativePath: string): string | null;
  /** Relative paths (forward slashes) of existing files under a folder of the output root. */
  listExisting(relativeDir: string): string[];
  /** Emitters report problems here instead of throwing. */
  report(diagnostic: Diagnostic): void;
}

export type Emitter = (context: EmitContext) => EmittedFile[];

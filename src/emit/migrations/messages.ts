// The build errors for schema changes quickback will not generate (wording in
// src/diagnostics/codes.ts). Each names what changed and the two ways forward: undo the
// manifest change, or write the migration by hand with the snapshot line that records it.

import type { Diagnostic } from '../../diagnostics/types.ts';
import type { ProjectModel } from '../../model/types.ts';
import { emitDiagnostic } from '../auth/report.ts';
import type { SchemaProblem } from './diff.ts';
import { MIGRATIONS_DIR } from './replay.ts';
import { dropLine, tableLine } from './snapshot.ts';

export interface ProblemContext {
  model: ProjectModel;
  /** Which migration last defined each table. */
  definedIn: Map<string, string>;
  /** The file the user should write, e.g. `migrations/0003_manual_schema_change.sql`. */
  manualFile: string;
}

export function problemDiagnostic(problem: SchemaProblem, context: ProblemContext): Diagnostic {
  const { model, manualFile } = context;
  const file = context.definedIn.get(problem.table);
  const origin = file === undefined ? 'an earlier migration' : `${MIGRATIONS_DIR}/${file}`;
  const sqlName = problem.table;

  if (problem.kind === 'dropped-table') {
    const params = { sqlName, origin, manualFile, line: `\`${dropLine(sqlName)}\`` };
    return emitDiagnostic('QB061', params, model.manifestPath);
  }

  const table = model.tables.find((item) => item.sqlName === sqlName)?.name ?? sqlName;
  const line = `\`${tableLine(problem.wanted)}\``;
  const params = { table, sqlName, origin, changes: problem.changes, manualFile, line };
  return emitDiagnostic('QB060', params, model.manifestPath);
}

export function snapshotDiagnostic(
  model: ProjectModel,
  file: string,
  line: number,
  detail: string,
): Diagnostic {
  const params = { file: `${MIGRATIONS_DIR}/${file}`, line, detail };
  return emitDiagnostic('QB062', params, model.manifestPath);
}

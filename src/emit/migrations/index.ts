// The D1 migrations emitter. It replays the existing files in `migrations/`, compares the
// result with the manifest's tables and, when something additive changed, appends one new
// `NNNN_<slug>.sql`. Existing files are never rewritten (the write stage never removes
// anything under `migrations/`), and a build with nothing new emits nothing.

import type { EmitContext, EmittedFile } from '../types.ts';
import { generatedHeader } from '../ast/index.ts';
import { diffSchemas, isEmpty, type SchemaDiff } from './diff.ts';
import { problemDiagnostic, snapshotDiagnostic } from './messages.ts';
import { MIGRATIONS_DIR, replayMigrations, type MigrationFile } from './replay.ts';
import { schemaFromModel } from './schema.ts';
import { tableLine } from './snapshot.ts';
import { addColumns, createTable } from './sql.ts';

/** The auth migration is 0000; table migrations start here. */
const FIRST_NUMBER = 1;

export function emitMigrations(context: EmitContext): EmittedFile[] {
  const { model } = context;
  const replay = replayMigrations(readMigrationFiles(context));
  for (const problem of replay.problems) {
    context.report(snapshotDiagnostic(model, problem.file, problem.line, problem.message));
  }
  if (replay.problems.length > 0) return [];

  const diff = diffSchemas(replay.state, schemaFromModel(model));
  const number = String(Math.max(FIRST_NUMBER, replay.lastNumber + 1)).padStart(4, '0');
  const manualFile = `${MIGRATIONS_DIR}/${number}_manual_schema_change.sql`;
  for (const problem of diff.problems) {
    context.report(problemDiagnostic(problem, { model, definedIn: replay.definedIn, manualFile }));
  }
  if (diff.problems.length > 0 || isEmpty(diff)) return [];

  const header = generatedHeader(model.manifestPath, 'sql');
  return [
    {
      path: `${MIGRATIONS_DIR}/${number}_${migrationSlug(diff)}.sql`,
      contents: migrationText(header, diff),
      kind: 'sql',
      generated: true,
    },
  ];
}

function readMigrationFiles(context: EmitContext): MigrationFile[] {
  const files: MigrationFile[] = [];
  for (const path of context.listExisting(MIGRATIONS_DIR)) {
    // wrangler applies only the folder's own files, not those of subfolders.
    const name = path.slice(MIGRATIONS_DIR.length + 1);
    if (name.includes('/')) continue;
    const contents = context.readExisting(path);
    if (contents !== null) files.push({ name, contents });
  }
  return files;
}

export function migrationText(header: string | null, diff: SchemaDiff): string {
  const changed = [...diff.created, ...diff.added.map((added) => added.table)];
  const snapshot = [
    '-- Schema snapshot: each quickback-table line is the whole shape of a table after this',
    '-- migration. quickback replays these lines to diff the next build; keep them as they are.',
    ...changed.map(tableLine),
  ];
  const statements = [...diff.created.map(createTable), ...diff.added.map(addColumns)];
  const top = header === null ? snapshot : [header, ...snapshot];
  return `${top.join('\n')}\n\n${statements.join('\n\n')}\n`;
}

/** `create_applications`, `add_columns_to_jobs`, or the first of several and a count. */
export function migrationSlug(diff: SchemaDiff): string {
  const actions = [
    ...diff.created.map((table) => `create_${table.table}`),
    ...diff.added.map((added) => `add_columns_to_${added.table.table}`),
  ];
  const first = actions[0] ?? 'schema';
  return actions.length > 1 ? `${first}_and_${actions.length - 1}_more` : first;
}

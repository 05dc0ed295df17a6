// Replays the snapshot lines of the existing migration files, in the order wrangler applies
// them (by file name), to learn what the database holds before this build.

import { readSnapshotLines, SnapshotError } from './snapshot.ts';
import type { SchemaState } from './schema.ts';

export const MIGRATIONS_DIR = 'migrations';

export interface MigrationFile {
  /** File name inside `migrations/`, e.g. `0001_create_applications.sql`. */
  name: string;
  contents: string;
}

export interface ReplayResult {
  state: SchemaState;
  /** Which file last defined each table, for messages. */
  definedIn: Map<string, string>;
  /** The highest `NNNN_` prefix among the files (0 when none). */
  lastNumber: number;
  problems: { file: string; line: number; message: string }[];
}

const NUMBERED = /^(\d{4})_.*\.sql$/;

export function replayMigrations(files: MigrationFile[]): ReplayResult {
  const result: ReplayResult = {
    state: new Map(),
    definedIn: new Map(),
    lastNumber: 0,
    problems: [],
  };
  const sorted = files.filter((file) => file.name.endsWith('.sql')).sort(byName);

  for (const file of sorted) {
    const number = NUMBERED.exec(file.name)?.[1];
    if (number !== undefined) result.lastNumber = Math.max(result.lastNumber, Number(number));
    applyFile(file, result);
  }
  return result;
}

function applyFile(file: MigrationFile, result: ReplayResult): void {
  try {
    for (const line of readSnapshotLines(file.contents)) {
      if (line.kind === 'drop') {
        result.state.delete(line.table);
        result.definedIn.delete(line.table);
      } else {
        result.state.set(line.table.table, line.table);
        result.definedIn.set(line.table.table, file.name);
      }
    }
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error;
    result.problems.push({ file: file.name, line: error.line, message: error.message });
  }
}

function byName(a: MigrationFile, b: MigrationFile): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

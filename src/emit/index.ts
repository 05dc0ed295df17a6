// Every emitter of a build, in one list. Each one reads the model (and, through the context,
// the files already in the output folder) and returns the files it wants; the build formats
// and writes them together. Adding an emitter is one line here.

import { emitAuth } from './auth/index.ts';
import { emitAuthMigration } from './auth/migration.ts';
import { emitClient } from './client/index.ts';
import { emitEntry } from './entry.ts';
import { emitMigrations } from './migrations/index.ts';
import { emitProjectReadme } from './project-readme/index.ts';
import { emitRealtimeHelper } from './realtime-helper/index.ts';
import { emitBroadcastRoutes } from './routes/broadcast.ts';
import { emitTableRoutes } from './routes/table-routes.ts';
import { emitRuntimeCopy } from './runtime-copy.ts';
import type { EmitContext, EmittedFile, Emitter } from './types.ts';
import { emitWrangler } from './wrangler/index.ts';

export const emitters: Emitter[] = [
  emitRuntimeCopy,
  emitRealtimeHelper,
  emitAuth,
  emitAuthMigration,
  emitBroadcastRoutes,
  emitTableRoutes,
  emitEntry,
  emitProjectReadme,
  emitClient,
  emitMigrations,
  emitWrangler,
];

/** Runs every emitter; the files come back sorted by path. */
export function emitProject(
  context: EmitContext,
  list: readonly Emitter[] = emitters,
): EmittedFile[] {
  const files = list.flatMap((emit) => emit(context));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

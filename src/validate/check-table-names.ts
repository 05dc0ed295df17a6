// Table names that would collide with what the build writes itself: the realtime routes
// file, or the tables Better Auth keeps in the same D1 database.

import type { DocumentReporter } from '../diagnostics/sink.ts';
import { AUTH_TABLE_NAMES } from '../emit/auth/migration-sql.ts';
import type { Manifest } from '../manifest-types.ts';
import { entries, snakeCase } from '../model/manifest-access.ts';

export function checkTableNames(manifest: Manifest, reporter: DocumentReporter): void {
  const betterAuth = (manifest.auth?.provider ?? 'better-auth') === 'better-auth';

  for (const [name] of entries(manifest.tables)) {
    const path = ['tables', name];
    if (name === 'broadcast') {
      const reason = 'its routes file would replace src/routes/broadcast.ts, the realtime routes';
      reporter.at('QB029', { kind: 'table', name, reason }, path, 'key');
    }

    const sqlName = snakeCase(name);
    if (betterAuth && AUTH_TABLE_NAMES.includes(sqlName)) {
      reporter.at('QB052', { table: name, sqlName }, path, 'key');
    }
  }
}

// Table names that would collide with what the build writes itself (the realtime routes
// file, the tables Better Auth keeps in the same D1 database) or with the tables SQLite and
// D1 keep for themselves, which `wrangler d1 migrations apply` would refuse.

import type { DocumentReporter } from '../diagnostics/sink.ts';
import { AUTH_TABLE_NAMES } from '../emit/auth/migration-sql.ts';
import type { Manifest } from '../manifest-types.ts';
import { entries, snakeCase } from '../model/manifest-access.ts';

export function checkTableNames(manifest: Manifest, reporter: DocumentReporter): void {
  const betterAuth = (manifest.auth?.provider ?? 'better-auth') === 'better-auth';

  for (const [name] of entries(manifest.tables)) {
    const path = ['tables', name];
    const sqlName = snakeCase(name);
    if (name === 'broadcast') {
      const reason = 'its routes file would replace src/routes/broadcast.ts, the realtime routes';
      reporter.at('QB029', { kind: 'table', name, reason }, path, 'key');
    }

    const reason = databaseReservation(name, sqlName);
    if (reason !== null) reporter.at('QB029', { kind: 'table', name, reason }, path, 'key');

    if (betterAuth && AUTH_TABLE_NAMES.includes(sqlName)) {
      reporter.at('QB052', { table: name, sqlName }, path, 'key');
    }
  }
}

/** Why SQLite or D1 would refuse the table, or null. Both match names case-insensitively. */
function databaseReservation(name: string, sqlName: string): string | null {
  const direct = reservation(name.toLowerCase());
  if (direct !== null) return direct;

  const viaSql = reservation(sqlName.toLowerCase());
  return viaSql === null ? null : `it becomes \`${sqlName}\` in SQL, and ${viaSql}`;
}

function reservation(lowerName: string): string | null {
  if (lowerName.startsWith('sqlite_')) return 'SQLite reserves table names starting with `sqlite_`';
  if (lowerName.startsWith('_cf_'))
    return 'Cloudflare D1 reserves table names starting with `_cf_`';
  if (lowerName === 'd1_migrations') {
    return 'Cloudflare D1 keeps its record of applied migrations in a table of that name';
  }
  return null;
}

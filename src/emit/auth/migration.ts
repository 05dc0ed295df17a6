// Emits `migrations/0000_quickback_auth.sql`, Better Auth's tables, when the manifest uses
// Better Auth. Table migrations (src/emit/migrations/) start at 0001.
//
// Like every migration it is written once: wrangler records applied migrations by file name
// and never re-runs one, so rewriting an existing file could only make it lie about the
// database. A later quickback whose auth tables change would append a new migration instead.

import { generatedHeader } from '../ast/index.ts';
import type { EmitContext, EmittedFile, Emitter } from '../types.ts';
import { AUTH_TABLE_NAMES, authMigrationSql } from './migration-sql.ts';
import { emitDiagnostic } from './report.ts';

export const AUTH_MIGRATION_FILE = 'migrations/0000_quickback_auth.sql';

const PREAMBLE = [
  '-- Better Auth 1.4 tables: users, sessions, accounts, verifications, and the organization',
  '-- plugin (organizations, members, invitations). Apply with',
  '-- `npx wrangler d1 migrations apply <binding> --local` (or `--remote`).',
].join('\n');

export const emitAuthMigration: Emitter = (context: EmitContext): EmittedFile[] => {
  const { model } = context;
  if (model.auth.provider !== 'better-auth') return [];

  // `CREATE TABLE IF NOT EXISTS` would quietly keep whichever table came first.
  const clashes = model.tables.filter((table) =>
    AUTH_TABLE_NAMES.includes(table.sqlName.toLowerCase()),
  );
  for (const table of clashes) {
    const params = { table: table.name, sqlName: table.sqlName };
    context.report(emitDiagnostic('QB052', params, model.manifestPath));
  }
  if (clashes.length > 0) return [];

  if (context.readExisting(AUTH_MIGRATION_FILE) !== null) return [];

  const header = generatedHeader(model.manifestPath, 'sql');
  const contents = `${header}\n${PREAMBLE}\n\n${authMigrationSql()}`;
  return [{ path: AUTH_MIGRATION_FILE, contents, kind: 'sql', generated: true }];
};

// The checks the schema cannot express: every cross-reference in the manifest resolves.

import type { DocumentReporter } from '../diagnostics/sink.ts';
import type { Manifest } from '../manifest-types.ts';
import { entries } from '../model/manifest-access.ts';
import { checkProject } from './check-project.ts';
import { checkRealtime } from './check-realtime.ts';
import { checkRoles } from './check-roles.ts';
import { checkTableNames } from './check-table-names.ts';
import { checkTables } from './check-tables.ts';

export function checkReferences(manifest: Manifest, reporter: DocumentReporter): void {
  checkProject(manifest, reporter);
  checkTables(entries(manifest.tables), reporter);
  checkTableNames(manifest, reporter);
  checkRoles(manifest, reporter);
  checkRealtime(manifest, reporter);
}

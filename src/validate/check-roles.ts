// Every role named in a table must be in the manifest's `roles`, when it gives them.

import type { DocumentReporter } from '../diagnostics/sink.ts';
import { pathLabel } from '../diagnostics/path.ts';
import type { Manifest } from '../manifest-types.ts';
import { entries } from '../model/manifest-access.ts';
import type { PathSegment } from '../load/source.ts';
import { suggest } from './suggest.ts';

export function checkRoles(manifest: Manifest, reporter: DocumentReporter): void {
  const vocabulary = manifest.roles;
  if (!vocabulary) return;

  const known = new Set<string>(vocabulary);
  const check = (roles: readonly string[] | undefined, path: PathSegment[]) => {
    roles?.forEach((role, index) => {
      if (known.has(role)) return;
      const suggestion = suggest(role, vocabulary);
      reporter.at('QB026', { at: pathLabel(path), role, suggestion }, [...path, index]);
    });
  };

  for (const [name, table] of entries(manifest.tables)) {
    if (typeof table.realtime === 'object') {
      check(table.realtime.requiredRoles, ['tables', name, 'realtime', 'requiredRoles']);
    }
    for (const [field, rule] of entries(table.masking)) {
      check(rule.show?.roles, ['tables', name, 'masking', field, 'show', 'roles']);
    }
  }
}

// Which roles the generated Better Auth setup registers with the organization plugin.

import type { ProjectModel } from '../../model/types.ts';

/** Better Auth's own roles; a manifest without a vocabulary keeps them. */
const BETTER_AUTH_DEFAULT_ROLES = ['owner', 'admin', 'member'];

/**
 * The manifest's `roles` in manifest order. Without a vocabulary: Better Auth's defaults, then
 * every other role the rules name (`requiredRoles`, masking `show.roles`), sorted so the output
 * does not depend on table order.
 */
export function organizationRoles(model: ProjectModel): string[] {
  if (model.roles !== null) return [...model.roles];

  const named = new Set<string>();
  for (const table of model.tables) {
    for (const role of table.realtime.requiredRoles ?? []) named.add(role);
    for (const rule of table.masking) for (const role of rule.showRoles) named.add(role);
  }
  const extra = [...named].filter((role) => !BETTER_AUTH_DEFAULT_ROLES.includes(role)).sort();
  return [...BETTER_AUTH_DEFAULT_ROLES, ...extra];
}

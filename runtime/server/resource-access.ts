// The relationship check behind resource tickets (`wsTicket` in the manifest): the resource
// must exist in the caller's organization, and the caller must hold the configured role for it
// in the relation table. Names come from the compiled model (already snake_case SQL names);
// every value is a bound parameter.

import { splitRoles } from './organization-roles';

export interface ResourceTicketConfig {
  /** D1 binding holding the tables. */
  databaseBinding: string;
  /** Body field naming the resource. */
  requestField: string;
  /** Relationship role required, e.g. `attendee`. */
  role: string;
  scope: {
    /** Manifest table name: the scope key is `<table>:<id>`. */
    table: string;
    sqlTable: string;
    idColumn: string;
    orgColumn: string;
  };
  relation: {
    sqlTable: string;
    resourceColumn: string;
    userColumn: string;
    roleColumn: string;
    /**
     * The relation table's own organization column, when it has one. Rows must then belong to
     * the same organization: otherwise a member of two organizations could write, in one, a
     * relation row naming a resource of the other, and be let into it.
     */
    orgColumn: string | null;
  };
}

export type AccessResult = 'granted' | 'not found' | 'missing role';

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function checkResourceAccess(
  config: ResourceTicketConfig,
  database: D1Database,
  request: { resourceId: string; organizationId: string; userId: string },
): Promise<AccessResult> {
  const { scope, relation } = config;

  const resource = await database
    .prepare(
      `SELECT 1 AS "found" FROM ${ident(scope.sqlTable)} ` +
        `WHERE ${ident(scope.idColumn)} = ?1 AND ${ident(scope.orgColumn)} = ?2 LIMIT 1`,
    )
    .bind(request.resourceId, request.organizationId)
    .first();
  if (resource === null) return 'not found';

  const sameOrg = relation.orgColumn ? ` AND ${ident(relation.orgColumn)} = ?3` : '';
  const rows = await database
    .prepare(
      `SELECT ${ident(relation.roleColumn)} AS "role" FROM ${ident(relation.sqlTable)} ` +
        `WHERE ${ident(relation.resourceColumn)} = ?1 AND ${ident(relation.userColumn)} = ?2` +
        sameOrg,
    )
    .bind(request.resourceId, request.userId, ...(sameOrg ? [request.organizationId] : []))
    .all<{ role: unknown }>();

  const held = rows.results.some((row) => splitRoles(row.role).includes(config.role));
  return held ? 'granted' : 'missing role';
}

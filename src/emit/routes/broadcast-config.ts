// The manifest-specific part of the realtime routes: the resource-ticket config object
// (`ResourceTicketConfig` in runtime/server/resource-access.ts), resolved to SQL names.

import type { ProjectModel, TableModel, WsTicketModel } from '../../model/types.ts';
import type { LiteralValue } from '../ast/index.ts';

export type ResourceTicketResult =
  | { ok: true; config: LiteralValue }
  /** The scope table has no organization column to check the resource against. */
  | { ok: false; scopeTable: string };

function sqlColumn(table: TableModel, name: string): string {
  const column = table.columns.find((candidate) => candidate.name === name);
  if (!column) throw new Error(`model invariant: ${table.name} has no column ${name}`);
  return column.sqlName;
}

/** The column tying a row to its organization: the firewall's `ctx.activeOrgId` rule. */
function organizationColumn(table: TableModel): string | null {
  const rule = table.firewall.find((candidate) => candidate.equals === 'ctx.activeOrgId');
  return rule ? sqlColumn(table, rule.field) : null;
}

function tableNamed(model: ProjectModel, name: string): TableModel {
  const table = model.tables.find((candidate) => candidate.name === name);
  if (!table) throw new Error(`model invariant: no table ${name}`);
  return table;
}

export function resourceTicketConfig(
  model: ProjectModel,
  ticket: WsTicketModel,
): ResourceTicketResult {
  const scope = tableNamed(model, ticket.scopeTable);
  const relation = tableNamed(model, ticket.relation.table);
  const orgColumn = organizationColumn(scope);
  if (orgColumn === null) return { ok: false, scopeTable: scope.name };

  const config = {
    databaseBinding: model.database.binding,
    requestField: ticket.requestField,
    role: ticket.role,
    scope: {
      table: scope.name,
      sqlTable: scope.sqlName,
      idColumn: sqlColumn(scope, scope.primaryKey),
      orgColumn,
    },
    relation: {
      sqlTable: relation.sqlName,
      resourceColumn: sqlColumn(relation, ticket.relation.resourceField),
      userColumn: sqlColumn(relation, ticket.relation.userField),
      roleColumn: sqlColumn(relation, ticket.relation.roleField),
      orgColumn: organizationColumn(relation),
    },
  };
  return { ok: true, config };
}

// What a generated `src/routes/<table>.ts` hands to createCrudRouter: one table as the CRUD
// routes need it. Plain data printed by the compiler, except `realtime`, which points at the
// table's entry in the generated `tableConfigs` so routes and helper share one definition.

import type { MaskRule, TableRuntimeConfig } from '../../realtime/types';

export type CrudColumnType = 'text' | 'integer' | 'real' | 'boolean' | 'timestamp' | 'json';

export interface CrudColumn {
  /** Name in JSON bodies and events (as written in the manifest). */
  name: string;
  /** Name in SQL. */
  sqlName: string;
  type: CrudColumnType;
  primaryKey: boolean;
  /** NOT NULL: a create must give it (or the server fills it), an update cannot clear it. */
  required: boolean;
  enum: readonly string[] | null;
}

export interface CrudFirewallRule {
  field: string;
  /** Which session value the column must hold. */
  equals: 'ctx.activeOrgId' | 'ctx.userId';
}

/** Which write routes exist; a disabled one answers 405. */
export interface CrudFlags {
  create: boolean;
  update: boolean;
  delete: boolean;
  batch: boolean;
}

export interface CrudTableConfig {
  /** Manifest name: the route segment and the `table` of events. */
  name: string;
  sqlName: string;
  /** The env binding of the D1 database. */
  binding: string;
  primaryKey: string;
  columns: readonly CrudColumn[];
  firewall: readonly CrudFirewallRule[];
  /** Column holding the owning user's id; set from the session on create. */
  ownerField: string | null;
  /** Masks for responses (the same rules events use). */
  masking: readonly MaskRule[];
  crud: CrudFlags;
  /**
   * The table's realtime config (onInsert/onUpdate/onDelete, fields, requiredRoles, masking),
   * or null when the table does not broadcast.
   */
  realtime: TableRuntimeConfig | null;
}

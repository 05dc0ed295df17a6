// The normalized project model: every default applied, every cross-reference resolved.
// Stages after validation read only this, never the raw manifest.

export type ColumnType = 'text' | 'integer' | 'real' | 'boolean' | 'timestamp' | 'json';

export type MaskType = 'email' | 'phone' | 'ssn' | 'creditCard' | 'name' | 'redact';

export interface ColumnModel {
  /** Name as written in the manifest (camelCase in TypeScript and in JSON payloads). */
  name: string;
  /** snake_case name used in SQL. */
  sqlName: string;
  type: ColumnType;
  primaryKey: boolean;
  /** NOT NULL in SQL; primary keys are always required. */
  required: boolean;
  /** Allowed values, when the column is an enum (text columns only). */
  enum: string[] | null;
}

export interface FirewallRuleModel {
  field: string;
  /** Where the value comes from: `ctx.activeOrgId` or `ctx.userId`. */
  equals: 'ctx.activeOrgId' | 'ctx.userId';
}

export interface MaskRuleModel {
  field: string;
  type: MaskType;
  /** Roles that see the real value. */
  showRoles: string[];
  /** True when the record's owner also sees the real value (`show.or: owner`). */
  showOwner: boolean;
}

export interface CrudModel {
  create: boolean;
  update: boolean;
  delete: boolean;
  batch: boolean;
}

export interface TableRealtimeModel {
  enabled: boolean;
  onInsert: boolean;
  onUpdate: boolean;
  onDelete: boolean;
  /** Roles a socket must hold one of to receive this table's events; null means any role. */
  requiredRoles: string[] | null;
  /** Columns sent in events, primary key always included, in manifest order; null means all. */
  fields: string[] | null;
}

export interface TableModel {
  /** Name as written in the manifest; also the route segment and the event's `table`. */
  name: string;
  sqlName: string;
  columns: ColumnModel[];
  primaryKey: string;
  firewall: FirewallRuleModel[];
  /** Column holding the owning user's id, or null. */
  ownerField: string | null;
  masking: MaskRuleModel[];
  crud: CrudModel;
  realtime: TableRealtimeModel;
}

export interface EventModel {
  /** Event name within its namespace; may hold dashes and dots. */
  name: string;
  /** Typed payload fields (`{ percent: 'number' }`), or null for an untyped payload. */
  payload: Record<string, PayloadFieldType> | null;
}

export type PayloadFieldType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'unknown';

export interface NamespaceModel {
  name: string;
  description: string | null;
  events: EventModel[];
}

export interface WsTicketRelationModel {
  table: string;
  resourceField: string;
  userField: string;
  roleField: string;
}

export interface WsTicketModel {
  role: string;
  requestField: string;
  scopeTable: string;
  relation: WsTicketRelationModel;
}

export type AuthModel =
  { provider: 'better-auth' } | { provider: 'custom'; module: string; export: string };

export interface DatabaseModel {
  provider: 'cloudflare-d1';
  binding: string;
  databaseName: string;
  databaseId: string;
  /** Project-wide realtime default for tables that do not say otherwise. */
  realtime: boolean;
  wsTicket: WsTicketModel | null;
}

export interface ProjectModel {
  name: string;
  compatibilityDate: string;
  /** The role vocabulary, or null when the manifest gives none. */
  roles: string[] | null;
  auth: AuthModel;
  database: DatabaseModel;
  tables: TableModel[];
  namespaces: NamespaceModel[];
  /** Output options. */
  output: OutputModel;
  /** Path of the manifest, relative to the output root, for generated headers. */
  manifestPath: string;
}

export interface OutputModel {
  /** Write the optional typed browser client. */
  client: boolean;
  /** Which wrangler config file to merge into when none exists yet. */
  wranglerFormat: 'toml' | 'jsonc';
}

// Generated from schema/quickback.schema.json by `npm run generate:types`. Do not edit.
// The manifest as written, after schema validation; src/model/ normalizes it.

/**
 * The project-wide realtime default: true turns realtime on for every table that does not set its own realtime. An object also configures relationship-scoped tickets (wsTicket).
 */
export type DatabaseRealtime = DatabaseRealtimeOptions | boolean;
export type Column = (ColumnType | ColumnDefinition) | undefined;
/**
 * The column's type.
 */
export type ColumnType = 'text' | 'integer' | 'real' | 'boolean' | 'timestamp' | 'json';
/**
 * Which CRUD routes are generated under /api/v1/<table>. true (the default) generates all of them.
 */
export type Crud = CrudOptions | boolean;
/**
 * Change events for this table. true/false turns them on or off; an object tunes them. When absent, providers.database.realtime decides.
 */
export type TableRealtime = TableRealtimeOptions | boolean;
/**
 * The event names as a list (untyped payloads), or a map from event name to its payload fields.
 */
export type NamespaceEvents =
  | [string, ...string[]]
  | {
      [k: string]: (null | EventDefinition) | undefined;
    };
/**
 * The payload field's type.
 */
export type PayloadFieldType =
  ('string' | 'number' | 'boolean' | 'object' | 'array' | 'unknown') | undefined;

/**
 * A Quickback manifest: the tables, roles and live-update rules that quickback build compiles into a Cloudflare Workers project.
 */
export interface Manifest {
  /**
   * Where editors find this schema, for JSON manifests (YAML manifests use the # yaml-language-server: $schema=... modeline instead). The compiler ignores it.
   */
  $schema?: string;
  /**
   * The Worker name, as written to the wrangler config. Also the default D1 databaseName.
   */
  name: string;
  /**
   * The Workers compatibility date written to the wrangler config, YYYY-MM-DD.
   */
  compatibilityDate?: string;
  /**
   * The role vocabulary of the organization plugin. When given, every role named anywhere in the manifest must be in this list, and the generated Better Auth setup registers exactly these roles.
   *
   * @minItems 1
   */
  roles?: [string, ...string[]];
  auth?: Auth;
  providers?: Providers;
  /**
   * The D1 tables, keyed by name. Each table gets a migration, CRUD routes under /api/v1/<table> and, when realtime is on, change events.
   */
  tables?: {
    [k: string]: Table | undefined;
  };
  realtime?: Realtime;
  output?: Output;
}
/**
 * How the ws-ticket and CRUD routes find the signed-in user. Defaults to Better Auth.
 */
export interface Auth {
  /**
   * Which session source the generated routes use.
   */
  provider?: 'better-auth' | 'custom';
  /**
   * For provider: custom: the module that exports the session function, relative to the manifest's folder (for example ./src/auth.ts).
   */
  module?: string;
  /**
   * For provider: custom: the name of the exported function in module. Defaults to getSession.
   */
  export?: string;
}
/**
 * The platform services the generated Worker uses.
 */
export interface Providers {
  database?: Database;
}
/**
 * The Cloudflare D1 database that holds the tables.
 */
export interface Database {
  /**
   * The database service.
   */
  provider?: 'cloudflare-d1';
  /**
   * The name of the D1 binding on env.
   */
  binding?: string;
  /**
   * The D1 database name in the wrangler config. Defaults to the manifest's name.
   */
  databaseName?: string;
  /**
   * The D1 database id in the wrangler config.
   */
  databaseId?: string;
  realtime?: DatabaseRealtime;
}
export interface DatabaseRealtimeOptions {
  /**
   * Turns realtime on for every table that does not set its own realtime. Defaults to true when the object is written.
   */
  enabled?: boolean;
  wsTicket?: WsTicket;
}
/**
 * Relationship-scoped tickets: POST /broadcast/v1/ws-ticket checks that the user holds role for the resource named by the body's requestField, then mints a ticket for the <scopeTable>:<id> lane.
 */
export interface WsTicket {
  /**
   * The relationship role the user must hold for the resource, as stored in the relation table's roleField (for example attendee).
   */
  role: string;
  /**
   * The field of the ticket request's JSON body that names the resource (for example eventId).
   */
  requestField: string;
  /**
   * The declared table the resource belongs to; the ticket's lane is <scopeTable>:<id>.
   */
  scopeTable: string;
  relation: WsTicketRelation;
}
/**
 * The declared table that records which user holds which role for which resource.
 */
export interface WsTicketRelation {
  /**
   * The relation table (for example event_attendees).
   */
  table: string;
  /**
   * Its column holding the resource id (for example eventId).
   */
  resourceField: string;
  /**
   * Its column holding the user id (for example userId).
   */
  userField: string;
  /**
   * Its column holding the relationship role (for example role).
   */
  roleField: string;
}
export interface Table {
  /**
   * The columns, keyed by name (camelCase in TypeScript and JSON, snake_case in SQL). A value is a type (createdBy: text) or an object. Exactly one column is the primary key.
   */
  columns: {
    [k: string]: Column | undefined;
  };
  /**
   * Row filters every CRUD read and write applies: a row is visible only when field equals the session value. Writes fill these fields from the session.
   */
  firewall?: FirewallRule[];
  /**
   * The column holding the id of the user who owns a row; used by show: { or: owner }. Defaults to createdBy when that column exists.
   */
  ownerField?: string;
  /**
   * Masks applied to CRUD reads and to broadcasts, keyed by column. Roles in show.roles (and the owner, with or: owner) see the real value.
   */
  masking?: {
    [k: string]: MaskRule | undefined;
  };
  crud?: Crud;
  realtime?: TableRealtime;
}
export interface ColumnDefinition {
  type: ColumnType;
  /**
   * This column is the table's primary key (always required). A table has exactly one.
   */
  primaryKey?: boolean;
  /**
   * The column may not be null (NOT NULL).
   */
  required?: boolean;
  /**
   * The allowed values, for a text column.
   *
   * @minItems 1
   */
  enum?: [string, ...string[]];
}
export interface FirewallRule {
  /**
   * The column compared with the session value.
   */
  field: string;
  /**
   * The session value the column must equal.
   */
  equals: 'ctx.activeOrgId' | 'ctx.userId';
}
export interface MaskRule {
  /**
   * How the value is masked. A value without the expected shape is masked completely; null stays null.
   */
  type: 'email' | 'phone' | 'ssn' | 'creditCard' | 'name' | 'redact';
  show?: MaskShow;
}
/**
 * Who sees the real value. Without it, everyone sees the mask.
 */
export interface MaskShow {
  /**
   * Roles that see the real value.
   *
   * @minItems 1
   */
  roles?: [string, ...string[]];
  /**
   * Also unmask for the row's owner. Needs an ownerField (or a createdBy column).
   */
  or?: 'owner';
}
export interface CrudOptions {
  /**
   * Generate POST /api/v1/<table>.
   */
  create?: boolean;
  /**
   * Generate PATCH /api/v1/<table>/:id.
   */
  update?: boolean;
  /**
   * Generate DELETE /api/v1/<table>/:id.
   */
  delete?: boolean;
  /**
   * Generate POST /api/v1/<table>/batch.
   */
  batch?: boolean;
}
export interface TableRealtimeOptions {
  /**
   * Send change events for this table. Defaults to true when the object is written.
   */
  enabled?: boolean;
  /**
   * Send INSERT events.
   */
  onInsert?: boolean;
  /**
   * Send UPDATE events (from the helper and the routes).
   */
  onUpdate?: boolean;
  /**
   * Send DELETE events.
   */
  onDelete?: boolean;
  /**
   * Only sockets holding one of these roles receive this table's events. Defaults to every authenticated role.
   *
   * @minItems 1
   */
  requiredRoles?: [string, ...string[]];
  /**
   * The columns sent in events. Defaults to all columns. The primary key is always sent, so clients can apply deletes.
   *
   * @minItems 1
   */
  fields?: [string, ...string[]];
}
/**
 * Custom realtime events, grouped in typed namespaces.
 */
export interface Realtime {
  /**
   * Typed event namespaces, keyed by name. Each becomes realtime.<namespace>.<event>(payload, target) and sends "<namespace>:<event>" broadcasts.
   */
  namespaces?: {
    [k: string]: Namespace | undefined;
  };
}
export interface Namespace {
  /**
   * What these events are for; copied into the generated docs comments.
   */
  description?: string;
  events: NamespaceEvents;
}
export interface EventDefinition {
  /**
   * What the event means; copied into the generated docs comments.
   */
  description?: string;
  /**
   * The payload's fields and their types. Without it the payload is any JSON object.
   */
  payload?: {
    [k: string]: PayloadFieldType | undefined;
  };
}
/**
 * What the build writes besides the server code.
 */
export interface Output {
  /**
   * Also write the typed browser client, src/client/realtime-client.ts.
   */
  client?: boolean;
  /**
   * Which wrangler config file to create when the project has none yet. An existing one is always merged in place.
   */
  wranglerFormat?: 'toml' | 'jsonc';
}

// Shared runtime types: what the helper accepts, what a socket carries, what goes on the wire.
// Everything here is plain data so it survives JSON between the Worker and the Broadcaster.

/** Where an event goes: an organization id (shorthand) or an explicit lane plus narrowing. */
export type Target = string | TargetObject;

export interface TargetObject {
  scopeKey?: string;
  organizationId?: string;
  userId?: string;
}

export type LaneKind = 'scope' | 'org' | 'user';

/** One Broadcaster instance: the scope, organization or user a socket lives in. */
export interface Lane {
  kind: LaneKind;
  id: string;
}

/** What a verified ticket says about a socket; kept in the socket's attachment. */
export interface SocketClaims {
  uid: string;
  org: string | null;
  roles: string[];
  lane: Lane;
}

export type MaskType = 'email' | 'phone' | 'ssn' | 'creditCard' | 'name' | 'redact';

export const MASK_TYPES: readonly MaskType[] = [
  'email',
  'phone',
  'ssn',
  'creditCard',
  'name',
  'redact',
];

export interface MaskRule {
  field: string;
  type: MaskType;
  /** Roles that see the real value. */
  showRoles: string[];
  /** The record's owner sees the real value too. */
  showOwner: boolean;
}

/** A table as the runtime needs it; the compiler emits one per realtime table. */
export interface TableRuntimeConfig {
  name: string;
  primaryKey: string;
  ownerField: string | null;
  /** Columns sent in events (primary key always kept); null sends every column. */
  fields: string[] | null;
  /** A socket must hold one of these roles; null lets every role through. */
  requiredRoles: string[] | null;
  masking: MaskRule[];
  onInsert: boolean;
  onUpdate: boolean;
  onDelete: boolean;
}

/** Per-call masking as users write it (`show.or: 'owner'` unmasks for the record's owner). */
export type MaskingConfig = Record<
  string,
  { type: MaskType; show: { roles?: string[]; or?: 'owner' } }
>;

export interface PublishOptions {
  /** Deliver only to this user's sockets in the lane. */
  userId?: string;
  /** Deliver only to sockets holding one of these roles. */
  targetRoles?: string[];
  /** Per-field overrides of the table's masking for this call. */
  maskingConfig?: MaskingConfig;
}

export type DbRecord = Record<string, unknown>;

export type ChangeType = 'INSERT' | 'UPDATE' | 'DELETE';

/** A table change exactly as clients receive it (DESIGN §4). */
export interface PostgresChangesEvent {
  type: 'postgres_changes';
  table: string;
  eventType: ChangeType;
  schema: 'public';
  new: DbRecord | null;
  old: DbRecord | null;
}

/** A custom or namespace event (`"<namespace>:<event>"` for namespaces). */
export interface BroadcastEvent {
  type: 'broadcast';
  event: string;
  payload: unknown;
}

export type RealtimeEvent = PostgresChangesEvent | BroadcastEvent;

/** Who may receive an envelope; every given filter must pass. */
export interface RecipientFilter {
  userId: string | null;
  /** The table's requiredRoles. */
  requiredRoles: string[] | null;
  /** The call's targetRoles. */
  targetRoles: string[] | null;
}

/**
 * What the Worker POSTs to a lane's Broadcaster at `/publish` (alone, or many as
 * `{ events: [...] }`). The event is unmasked: the Broadcaster masks per view.
 */
export interface PublishEnvelope {
  event: RealtimeEvent;
  filter: RecipientFilter;
  /** Rules for fields of `new`/`old` (table events) or of `payload` (broadcasts). */
  masking: MaskRule[];
  /**
   * Owner ids of the new and old records, read before `fields` trimmed them, so the owner test
   * works even when the owner column is not sent.
   */
  owner: { new: string | null; old: string | null };
}

export interface PublishBatch {
  events: PublishEnvelope[];
}

/** The Broadcaster's answer to one envelope. */
export interface DeliveryReport {
  recipients: number;
  serializations: number;
}

/** The Broadcaster's answer to `/publish`: totals, plus one report per envelope. */
export interface PublishResponse extends DeliveryReport {
  results: DeliveryReport[];
}

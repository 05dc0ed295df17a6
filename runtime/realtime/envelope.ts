// Turns a helper call into the envelope a Broadcaster delivers: trims fields, merges the
// call's masking over the table's, reads the owner ids, and sets the recipient filter.

import {
  MASK_TYPES,
  type ChangeType,
  type DbRecord,
  type MaskRule,
  type MaskingConfig,
  type PublishEnvelope,
  type PublishOptions,
  type RecipientFilter,
  type TableRuntimeConfig,
  type Target,
} from './types';

/** Keeps the listed fields (primary key first when unlisted) that the record holds. */
export function pickFields(record: DbRecord, table: TableRuntimeConfig): DbRecord {
  if (table.fields === null) return { ...record };

  const keys = table.fields.includes(table.primaryKey)
    ? table.fields
    : [table.primaryKey, ...table.fields];
  const picked: DbRecord = {};
  for (const key of keys) {
    if (Object.hasOwn(record, key)) picked[key] = record[key];
  }
  return picked;
}

/**
 * The call's maskingConfig replaces the table's rule for the same field and adds rules for
 * other fields; table rules it does not mention still apply, so an override for one field
 * cannot unmask another by accident. An unknown mask type becomes `redact`.
 */
export function mergeMasking(
  tableRules: MaskRule[],
  config: MaskingConfig | undefined,
): MaskRule[] {
  if (config === undefined) return tableRules;

  const byField = new Map(tableRules.map((rule) => [rule.field, rule]));
  for (const [field, entry] of Object.entries(config)) {
    byField.set(field, {
      field,
      type: MASK_TYPES.includes(entry?.type) ? entry.type : 'redact',
      showRoles: [...(entry?.show?.roles ?? [])],
      showOwner: entry?.show?.or === 'owner',
    });
  }
  return [...byField.values()];
}

function ownerOf(record: DbRecord | null, ownerField: string | null): string | null {
  if (record === null || ownerField === null) return null;

  const value = record[ownerField];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * A userId in the target narrows delivery inside a scope or organization lane, as does the
 * option; when both are given they must agree. Returns an error message when they do not.
 */
export function recipientUser(target: Target, options: PublishOptions): string | null | Error {
  const fromTarget = typeof target === 'object' && target !== null ? target.userId : undefined;
  const fromOptions = options.userId;
  if (fromTarget !== undefined && fromOptions !== undefined && fromTarget !== fromOptions) {
    return new Error('target.userId and options.userId name different users');
  }
  return fromOptions ?? fromTarget ?? null;
}

export function tableEnvelope(
  table: TableRuntimeConfig,
  eventType: ChangeType,
  newRecord: DbRecord | null,
  oldRecord: DbRecord | null,
  userId: string | null,
  options: PublishOptions,
): PublishEnvelope {
  const filter: RecipientFilter = {
    userId,
    requiredRoles: table.requiredRoles,
    targetRoles: options.targetRoles ?? null,
  };

  return {
    event: {
      type: 'postgres_changes',
      table: table.name,
      eventType,
      schema: 'public',
      new: newRecord === null ? null : pickFields(newRecord, table),
      old: oldRecord === null ? null : pickFields(oldRecord, table),
    },
    filter,
    masking: mergeMasking(table.masking, options.maskingConfig),
    owner: { new: ownerOf(newRecord, table.ownerField), old: ownerOf(oldRecord, table.ownerField) },
  };
}

/** Custom events have no table: masking comes from the call alone and has no owner. */
export function broadcastEnvelope(
  event: string,
  payload: unknown,
  userId: string | null,
  options: PublishOptions,
): PublishEnvelope {
  return {
    event: { type: 'broadcast', event, payload },
    filter: { userId, requiredRoles: null, targetRoles: options.targetRoles ?? null },
    masking: mergeMasking([], options.maskingConfig),
    owner: { new: null, old: null },
  };
}

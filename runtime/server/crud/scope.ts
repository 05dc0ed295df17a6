// What the session decides about a request: which rows it may touch (the firewall, with its
// values read from the session, never from the client), which values a create gets for free,
// and which lane hears about the write.

import type { TargetObject } from '../../realtime/types';
import type { SessionContext } from '../session';
import type { CrudTableConfig } from './config';
import { CrudError } from './errors';
import type { StoredRow } from './values';

/** Column -> required value for every firewall rule. */
export type FirewallValues = StoredRow;

export function firewallValues(config: CrudTableConfig, session: SessionContext): FirewallValues {
  const values: FirewallValues = {};
  for (const rule of config.firewall) {
    if (rule.equals === 'ctx.userId') {
      values[rule.field] = session.userId;
    } else if (session.activeOrgId === null) {
      throw new CrudError(
        403,
        `${config.name} rows belong to an organization: set an active organization first`,
      );
    } else {
      values[rule.field] = session.activeOrgId;
    }
  }
  return values;
}

/** What a create takes from the session: the firewall values and the owner. */
export function sessionValues(
  config: CrudTableConfig,
  session: SessionContext,
  firewall: FirewallValues,
): StoredRow {
  const values: StoredRow = { ...firewall };
  if (config.ownerField !== null) values[config.ownerField] = session.userId;
  return values;
}

/**
 * Columns an update may not change: the primary key, the owner (ownership unmasks fields, so
 * taking it over would reveal them) and the firewall columns (moving a row out of reach).
 */
export function lockedFields(config: CrudTableConfig): string[] {
  const fields = [config.primaryKey, ...config.firewall.map((rule) => rule.field)];
  if (config.ownerField !== null) fields.push(config.ownerField);
  return [...new Set(fields)];
}

/**
 * Where a write is announced: the active organization's lane. A table whose rows belong to a
 * user narrows delivery to that user, so a personal row never reaches colleagues; without an
 * active organization the user's own lane hears it.
 */
export function broadcastTarget(config: CrudTableConfig, session: SessionContext): TargetObject {
  const personal = config.firewall.some((rule) => rule.equals === 'ctx.userId');
  if (session.activeOrgId === null) return { userId: session.userId };
  return personal
    ? { organizationId: session.activeOrgId, userId: session.userId }
    : { organizationId: session.activeOrgId };
}

// What the caller of a CRUD route may see of a row: the same masks the Broadcaster applies to
// events, with the same rule for who sees a real value (one of the rule's roles, or the
// record's owner when the rule allows it).

import { applyMasks } from '../../realtime/masks';
import type { SessionContext } from '../session';
import type { CrudTableConfig } from './config';
import type { JsonRow } from './values';

export function maskForCaller(
  config: CrudTableConfig,
  row: JsonRow,
  session: SessionContext,
): JsonRow {
  if (config.masking.length === 0) return row;

  const owner = config.ownerField === null ? null : row[config.ownerField];
  const isOwner = typeof owner === 'string' && owner === session.userId;
  const revealed = config.masking.map(
    (rule) =>
      (rule.showOwner && isOwner) || rule.showRoles.some((role) => session.roles.includes(role)),
  );
  return applyMasks(row, config.masking, revealed);
}

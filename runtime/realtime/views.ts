// A view is what one recipient may see of an event: for every masking rule that touches a
// field present in the event, whether the real value is shown on the `new` side and on the
// `old` side. The owner test is per side, because an update can change the owner.
// Recipients with the same view get the same bytes, so each view is serialized once.

import { applyMasks } from './masks';
import type { DbRecord, MaskRule, PublishEnvelope, RealtimeEvent, SocketClaims } from './types';

/** Rule indexes that matter for each side of one event. */
export interface ViewPlan {
  newRules: number[];
  oldRules: number[];
}

function presentRules(rules: readonly MaskRule[], record: unknown): number[] {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return [];

  const indexes: number[] = [];
  rules.forEach((rule, index) => {
    if (Object.hasOwn(record, rule.field)) indexes.push(index);
  });
  return indexes;
}

export function planViews(envelope: PublishEnvelope): ViewPlan {
  const { event, masking } = envelope;
  if (event.type === 'broadcast') {
    return { newRules: presentRules(masking, event.payload), oldRules: [] };
  }
  return { newRules: presentRules(masking, event.new), oldRules: presentRules(masking, event.old) };
}

function reveals(rule: MaskRule, claims: SocketClaims, owner: string | null): boolean {
  if (rule.showOwner && owner !== null && owner === claims.uid) return true;
  return rule.showRoles.some((role) => claims.roles.includes(role));
}

function sideKey(
  plan: number[],
  rules: readonly MaskRule[],
  claims: SocketClaims,
  owner: string | null,
): string {
  return plan
    .map((index) => (reveals(rules[index] as MaskRule, claims, owner) ? '1' : '0'))
    .join('');
}

/** A string naming the recipient's view; equal keys mean identical bytes. */
export function viewKey(envelope: PublishEnvelope, plan: ViewPlan, claims: SocketClaims): string {
  const { masking, owner } = envelope;
  const newKey = sideKey(plan.newRules, masking, claims, owner.new);
  return `${newKey}|${sideKey(plan.oldRules, masking, claims, owner.old)}`;
}

function revealedFromKey(rulesCount: number, plan: number[], bits: string): boolean[] {
  const revealed = new Array<boolean>(rulesCount).fill(false);
  plan.forEach((index, position) => {
    revealed[index] = bits[position] === '1';
  });
  return revealed;
}

/** The JSON text of the event as seen through one view. */
export function renderView(envelope: PublishEnvelope, plan: ViewPlan, key: string): string {
  const { event, masking } = envelope;
  const [newBits = '', oldBits = ''] = key.split('|');
  const showNew = revealedFromKey(masking.length, plan.newRules, newBits);

  if (event.type === 'broadcast') {
    const payload = applyMasks(event.payload, masking, showNew);
    const masked: RealtimeEvent = { type: 'broadcast', event: event.event, payload };
    return JSON.stringify(masked);
  }

  const showOld = revealedFromKey(masking.length, plan.oldRules, oldBits);
  const masked: RealtimeEvent = {
    type: event.type,
    table: event.table,
    eventType: event.eventType,
    schema: event.schema,
    new: applyMasks<DbRecord | null>(event.new, masking, showNew),
    old: applyMasks<DbRecord | null>(event.old, masking, showOld),
  };
  return JSON.stringify(masked);
}

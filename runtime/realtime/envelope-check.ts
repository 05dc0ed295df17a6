// Shape checks for what reaches the Broadcaster's private endpoints. The traffic comes from
// our own Worker code, but a malformed body must become a 400, never an exception that
// resets the object and its sockets' in-memory state.

import { isClaims } from './ticket-payload';
import type { ConnectGrant } from './protocol';
import { MASK_TYPES, type MaskType, type PublishEnvelope } from './types';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isNullableRecord(value: unknown): boolean {
  return value === null || isObject(value);
}

function isEvent(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value.type === 'broadcast') return typeof value.event === 'string' && 'payload' in value;

  return (
    value.type === 'postgres_changes' &&
    typeof value.table === 'string' &&
    ['INSERT', 'UPDATE', 'DELETE'].includes(value.eventType as string) &&
    value.schema === 'public' &&
    isNullableRecord(value.new) &&
    isNullableRecord(value.old)
  );
}

function isMaskRule(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.field === 'string' &&
    MASK_TYPES.includes(value.type as MaskType) &&
    isStringList(value.showRoles) &&
    typeof value.showOwner === 'boolean'
  );
}

export function isEnvelope(value: unknown): value is PublishEnvelope {
  if (!isObject(value) || !isEvent(value.event)) return false;

  const { filter, masking, owner } = value;
  const filterOk =
    isObject(filter) &&
    isNullableString(filter.userId) &&
    (filter.requiredRoles === null || isStringList(filter.requiredRoles)) &&
    (filter.targetRoles === null || isStringList(filter.targetRoles));
  const ownerOk = isObject(owner) && isNullableString(owner.new) && isNullableString(owner.old);

  return filterOk && ownerOk && Array.isArray(masking) && masking.every(isMaskRule);
}

export function isGrant(value: unknown): value is ConnectGrant {
  return (
    isObject(value) &&
    isClaims(value.claims) &&
    typeof value.jti === 'string' &&
    /^[A-Za-z0-9_-]{16,64}$/.test(value.jti) &&
    Number.isSafeInteger(value.exp)
  );
}

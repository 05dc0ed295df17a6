// Broadcasting committed writes. Runs only after the batch committed, sends every event of a
// request to its lane in one Broadcaster request (the core groups by lane), and never throws:
// the write already happened, so a delivery problem is logged, not answered with an error.

import { createRealtimeCore, type PublishRequest, type RealtimeEnv } from '../../realtime/publish';
import type { TargetObject } from '../../realtime/types';
import type { CrudTableConfig } from './config';
import type { WriteOutcome } from './commit';

export function changeRequests(
  config: CrudTableConfig,
  outcomes: WriteOutcome[],
  target: TargetObject,
): PublishRequest[] {
  const realtime = config.realtime;
  if (realtime === null) return [];

  const table = config.name;
  return outcomes.flatMap((outcome): PublishRequest[] => {
    if (outcome.op === 'create' && realtime.onInsert && outcome.new) {
      return [{ op: 'insert', table, record: outcome.new, target }];
    }
    if (outcome.op === 'update' && realtime.onUpdate && outcome.changed) {
      const { new: record, old: oldRecord } = outcome;
      return record && oldRecord ? [{ op: 'update', table, record, oldRecord, target }] : [];
    }
    if (outcome.op === 'delete' && realtime.onDelete && outcome.old) {
      return [{ op: 'delete', table, record: outcome.old, target }];
    }
    return [];
  });
}

export async function announce(
  env: unknown,
  config: CrudTableConfig,
  outcomes: WriteOutcome[],
  target: TargetObject,
): Promise<void> {
  const requests = changeRequests(config, outcomes, target);
  if (requests.length === 0 || config.realtime === null) return;

  try {
    const core = createRealtimeCore(env as RealtimeEnv, { [config.name]: config.realtime });
    await core.publishMany(requests);
  } catch (error) {
    // The core reports its own failures; this catches the ones before it (say, no binding).
    console.error(`[quickback crud] ${config.name}: broadcast after write failed`, error);
  }
}

// What each write sends, prepared before the clock starts: the request bodies of the three
// workerd paths, and for the baseline the frames themselves, rendered by the runtime's own
// view code (runtime/realtime/views.ts) so they are byte for byte what the Broadcaster sends.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { tableEnvelope } from '../../runtime/realtime/envelope.ts';
import type { DbRecord, SocketClaims, TableRuntimeConfig } from '../../runtime/realtime/types.ts';
import { planViews, renderView, viewKey } from '../../runtime/realtime/views.ts';
import type { Cast } from './cast.ts';

export const MASKED_TABLE = 'candidates';
export const PLAIN_TABLE = 'plain_candidates';

/** A candidate as the bench writes it: every masked field present and well-formed. */
export function benchRecord(id: string, organizationId: string, owner: string): DbRecord {
  return {
    id,
    name: 'Jane Quinn Candidate',
    email: 'jane.candidate@example.com',
    phone: '+1 (555) 010-4567',
    ssn: '123-45-6789',
    resumeUrl: 'https://files.example.com/resumes/jane-quinn.pdf',
    stage: 'screening',
    organizationId,
    createdBy: owner,
  };
}

/** The table configs the build generated for the bench project (`tableConfigs`). */
export async function generatedTables(
  projectDir: string,
): Promise<Record<string, TableRuntimeConfig>> {
  const file = path.join(projectDir, 'src', 'lib', 'realtime.ts');
  const module = (await import(pathToFileURL(file).href)) as {
    tableConfigs: Record<string, TableRuntimeConfig>;
  };
  return module.tableConfigs;
}

export interface BaselineFrames {
  frames: string[];
  /** Frame index for each lane-A member (class). */
  frameOfClass: number[];
}

/** One frame per distinct view among the lane's members, as the Broadcaster would send. */
export function renderFrames(
  table: TableRuntimeConfig,
  record: DbRecord,
  cast: Cast,
): BaselineFrames {
  const envelope = tableEnvelope(table, 'INSERT', record, null, null, {});
  const plan = planViews(envelope);
  const frames: string[] = [];
  const byKey = new Map<string, number>();

  const frameOfClass = cast.laneA.map((member) => {
    const claims: SocketClaims = {
      uid: member.user.userId,
      org: cast.orgA,
      roles: [member.role],
      lane: { kind: 'org', id: cast.orgA },
    };
    const key = viewKey(envelope, plan, claims);
    let index = byKey.get(key);
    if (index === undefined) {
      index = frames.push(renderView(envelope, plan, key)) - 1;
      byKey.set(key, index);
    }
    return index;
  });
  return { frames, frameOfClass };
}

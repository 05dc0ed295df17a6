// The ways a write reaches the subscribers: the generated CRUD route, the helper called from
// the bench's own route (masked table and unmasked table), the baseline `ws` server, and the
// minimal Durable Object under the same workerd (worker/raw-fanout.ts) with the same frames.

import type { DbRecord, TableRuntimeConfig } from '../../runtime/realtime/types.ts';
import type { Cast } from './cast.ts';
import { benchRecord, MASKED_TABLE, PLAIN_TABLE, renderFrames } from './frames.ts';
import type { WriteAnswer, WritePath } from './load.ts';

export type PathName = 'baseline' | 'workerd-floor' | 'helper' | 'helper-unmasked' | 'crud';

export const PATH_NAMES: readonly PathName[] = [
  'baseline',
  'workerd-floor',
  'helper',
  'helper-unmasked',
  'crud',
];

/** One letter per path in record ids, so no two steps share an id (CRUD ids are keys). */
const LETTER: Record<PathName, string> = {
  baseline: 'b',
  'workerd-floor': 'f',
  helper: 'h',
  'helper-unmasked': 'u',
  crud: 'c',
};

export function idPrefix(path: PathName, step: string): string {
  return `${LETTER[path]}${step}-`;
}

const statusIs = (status: number) => (answer: WriteAnswer) => answer.status === status;

/** The helper never throws: a Broadcaster that refused the event answers `{ ok: false }`. */
function helperAccepted(answer: WriteAnswer): boolean {
  const result = answer.body as { ok?: unknown; skipped?: unknown } | null;
  return answer.status === 200 && result?.ok === true && result.skipped === false;
}

export function writePaths(
  workerUrl: string,
  baselineUrl: string,
  cast: Cast,
  tables: Record<string, TableRuntimeConfig>,
): Record<PathName, WritePath> {
  const record = (id: string): DbRecord => benchRecord(id, cast.orgA, cast.recordOwner.userId);
  const helperBody = (table: string) => (prefix: string, seq: number) =>
    JSON.stringify({ table, record: record(`${prefix}${seq}`), organizationId: cast.orgA });
  const masked = tables[MASKED_TABLE];
  if (masked === undefined)
    throw new Error(`the bench project has no realtime table ${MASKED_TABLE}`);

  const framesBody = (prefix: string, seq: number) =>
    JSON.stringify({ lane: 'A', ...renderFrames(masked, record(`${prefix}${seq}`), cast) });

  return {
    baseline: {
      name: 'baseline',
      url: `${baselineUrl}/publish`,
      headers: {},
      body: framesBody,
      accepted: statusIs(200),
    },
    'workerd-floor': {
      name: 'workerd-floor',
      url: `${workerUrl}/bench/raw/A/publish`,
      headers: {},
      body: framesBody,
      accepted: statusIs(200),
    },
    helper: {
      name: 'helper',
      url: `${workerUrl}/bench/insert`,
      headers: {},
      body: helperBody(MASKED_TABLE),
      accepted: helperAccepted,
    },
    'helper-unmasked': {
      name: 'helper-unmasked',
      url: `${workerUrl}/bench/insert`,
      headers: {},
      body: helperBody(PLAIN_TABLE),
      accepted: helperAccepted,
    },
    crud: {
      name: 'crud',
      url: `${workerUrl}/api/v1/${MASKED_TABLE}`,
      // The record owner writes: the route sets createdBy and organizationId from the session.
      headers: { authorization: `Bearer ${cast.recordOwner.token}`, origin: workerUrl },
      body: (prefix, seq) => {
        const { organizationId: _org, createdBy: _owner, ...fields } = record(`${prefix}${seq}`);
        return JSON.stringify(fields);
      },
      accepted: statusIs(201),
    },
  };
}

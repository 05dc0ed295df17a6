import { describe, expect, it } from 'vitest';

import { CrudError } from '../../../runtime/server/crud/errors';
import { readBatch, type Operation } from '../../../runtime/server/crud/operations';
import { planWrites, type PlanInput } from '../../../runtime/server/crud/plan';
import type { StoredRow } from '../../../runtime/server/crud/values';
import { applicationsConfig } from './table';

const config = applicationsConfig();

const stored: StoredRow = {
  id: 'a1',
  candidateId: 'c1',
  stage: 'applied',
  score: null,
  rating: null,
  archived: 0,
  meta: '{"x":1,"y":2}',
  appliedAt: null,
  organizationId: 'org_1',
  createdBy: 'owner_1',
};

function input(batch = true, loaded: StoredRow[] = [stored]): PlanInput {
  return {
    config,
    firewall: { organizationId: 'org_1' },
    sessionValues: { organizationId: 'org_1', createdBy: 'user_1' },
    loaded: new Map(loaded.map((row) => [row.id as string, row])),
    batch,
  };
}

function refusal(run: () => unknown): [number, string] {
  try {
    run();
  } catch (error) {
    if (error instanceof CrudError) return [error.status, error.message];
    throw error;
  }
  throw new Error('expected a CrudError');
}

describe('planWrites', () => {
  it('guards a stored row before its first write, with every column compared', () => {
    const plan = planWrites(input(), [
      { op: 'update', id: 'a1', data: { stage: 'offer' } },
      { op: 'update', id: 'a1', data: { score: 3 } },
    ]);
    expect(plan.statements.map((statement) => statement.sql.split(' ')[0])).toEqual([
      'SELECT',
      'UPDATE',
      'UPDATE',
    ]);
    const guard = plan.statements[0]!;
    expect(guard.sql).toContain('"score" IS NULL');
    expect(guard.sql).toContain('"meta" = ?');
    expect(guard.params).toEqual(expect.arrayContaining(['a1', 'org_1', '{"x":1,"y":2}', 0]));
    expect(plan.statements[1]!.sql).toMatch(
      /^UPDATE "applications" SET "stage" = \? WHERE "id" = \? AND "organization_id" = \? /,
    );
    expect(plan.statements[1]!.params).toEqual(['offer', 'a1', 'org_1']);
    expect(plan.steps).toEqual([
      { op: 'update', old: stored, statement: 1 },
      { op: 'update', old: { ...stored, stage: 'offer' }, statement: 2 },
    ]);
  });

  it('plans nothing for an update that changes nothing, JSON key order included', () => {
    const plan = planWrites(input(false), [
      { op: 'update', id: 'a1', data: { stage: 'applied', meta: { y: 2, x: 1 }, id: 'a1' } },
    ]);
    expect(plan).toEqual({
      statements: [],
      steps: [{ op: 'update', old: stored, statement: null }],
    });
  });

  it('lets a batch create a row and then change and delete it, without guards', () => {
    const plan = planWrites(input(true, []), [
      { op: 'create', data: { id: 'n1', candidateId: 'c9' } },
      { op: 'update', id: 'n1', data: { stage: 'screening' } },
      { op: 'delete', id: 'n1' },
    ]);
    expect(plan.statements.map((statement) => statement.sql.split(' ')[0])).toEqual([
      'INSERT',
      'UPDATE',
      'DELETE',
    ]);
    expect(plan.statements[0]!.sql).toContain('RETURNING "id", "candidate_id"');
    expect(plan.steps.map((step) => step.op)).toEqual(['create', 'update', 'delete']);
  });

  it('answers 404 for a row that is missing, outside the firewall, or deleted earlier', () => {
    expect(refusal(() => planWrites(input(), [{ op: 'update', id: 'zz', data: {} }]))).toEqual([
      404,
      'operations[0]: applications zz not found',
    ]);
    const deleteTwice: Operation[] = [
      { op: 'delete', id: 'a1' },
      { op: 'update', id: 'a1', data: { stage: 'offer' } },
    ];
    expect(refusal(() => planWrites(input(), deleteTwice))).toEqual([
      404,
      'operations[1]: applications a1 not found',
    ]);
    expect(refusal(() => planWrites(input(false), [{ op: 'delete', id: 'zz' }]))).toEqual([
      404,
      'applications zz not found',
    ]);
  });

  it('refuses changing the primary key, the owner or a firewall column', () => {
    for (const data of [{ id: 'b2' }, { createdBy: 'user_1' }, { organizationId: 'org_2' }]) {
      const field = Object.keys(data)[0];
      expect(refusal(() => planWrites(input(false), [{ op: 'update', id: 'a1', data }]))).toEqual([
        400,
        `${field} cannot be changed`,
      ]);
    }
  });

  it('refuses two creates of one primary key in a batch', () => {
    const twice: Operation[] = [
      { op: 'create', data: { id: 'd1', candidateId: 'c' } },
      { op: 'create', data: { id: 'd1', candidateId: 'c' } },
    ];
    expect(refusal(() => planWrites(input(true, []), twice))).toEqual([
      409,
      'operations[1]: id d1 already exists',
    ]);
  });
});

describe('readBatch', () => {
  const crud = { create: true, update: true, delete: false, batch: true };

  it('reads the operations list', () => {
    const body = {
      operations: [
        { op: 'create', data: {} },
        { op: 'update', id: 'a', data: {} },
      ],
    };
    expect(readBatch(body, crud)).toEqual([
      { op: 'create', data: {} },
      { op: 'update', id: 'a', data: {} },
    ]);
  });

  it('refuses bad shapes, unknown keys and disabled operations, naming the item', () => {
    const cases: [unknown, string][] = [
      [{ operations: [] }, 'operations must be an array of 1 to 100 items'],
      [{ operations: [{}], extra: 1 }, 'unknown field(s): extra'],
      [
        { operations: [{ op: 'upsert' }] },
        'operations[0]: op must be "create", "update" or "delete"',
      ],
      [
        { operations: [{ op: 'create', data: {}, id: 'x' }] },
        'operations[0]: unknown field(s): id',
      ],
      [
        {
          operations: [
            { op: 'create', data: {} },
            { op: 'delete', id: 'x' },
          ],
        },
        'operations[1]: delete is not allowed on this table',
      ],
      [
        { operations: new Array(101).fill({ op: 'create', data: {} }) },
        'operations must be an array of 1 to 100 items',
      ],
    ];
    for (const [body, message] of cases) {
      expect(refusal(() => readBatch(body, crud))).toEqual([400, message]);
    }
  });
});

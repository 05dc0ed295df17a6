import { describe, expect, it } from 'vitest';

import { CrudError } from '../../../runtime/server/crud/errors';
import { completeCreate, readBody, readId } from '../../../runtime/server/crud/validate';
import { decodeRow } from '../../../runtime/server/crud/values';
import { applicationsConfig } from './table';

const config = applicationsConfig();
const session = { organizationId: 'org_1', createdBy: 'user_1' };

function refusal(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof CrudError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('expected a CrudError');
}

describe('readBody', () => {
  it('names every unknown field, in body order, before looking at values', () => {
    const body = { stage: 'nope', foo: 1, candidateId: 'c', bar: 2 };
    expect(refusal(() => readBody(config, body, 'create'))).toEqual({
      status: 400,
      message: 'unknown field(s): foo, bar',
    });
  });

  it('refuses a body that is not an object', () => {
    for (const body of [null, [], 'text', 3]) {
      expect(refusal(() => readBody(config, body, 'update')).message).toBe(
        'the body must be a JSON object',
      );
    }
  });

  it('checks each value against its column type and enum', () => {
    const body = {
      stage: 'hired',
      score: 1.5,
      rating: 'high',
      archived: 1,
      appliedAt: '2025-01-01T10:00:00',
      candidateId: 7,
    };
    expect(refusal(() => readBody(config, body, 'update')).message).toBe(
      'invalid field(s): stage must be one of applied, screening, offer; ' +
        'score must be an integer; rating must be a finite number; ' +
        'archived must be true or false; ' +
        'appliedAt must be an ISO 8601 date or date-time with a zone; candidateId must be a string',
    );
  });

  it('refuses null for required columns and the primary key', () => {
    expect(refusal(() => readBody(config, { candidateId: null, id: null }, 'update')).message).toBe(
      'invalid field(s): candidateId cannot be null; id cannot be null',
    );
  });

  it('encodes booleans as 0/1, JSON as text and timestamps as UTC ISO text', () => {
    const values = readBody(
      config,
      {
        archived: true,
        meta: { tags: ['a'], n: 1 },
        appliedAt: '2025-03-01T12:00:00+02:00',
        score: 3,
        stage: null,
      },
      'update',
    );
    expect(values).toEqual({
      archived: 1,
      meta: '{"tags":["a"],"n":1}',
      appliedAt: '2025-03-01T10:00:00.000Z',
      score: 3,
      stage: null,
    });
  });

  it('refuses calendar dates and clock times that do not exist, naming the field', () => {
    const impossible = [
      '2025-02-30',
      '2025-04-31',
      '2023-02-29',
      '1900-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-01-01T24:00Z',
      '2025-01-01T10:60Z',
      '2025-01-01T10:00:60Z',
      '2025-01-01T10:00+24:00',
      '2025-01-01T10:00+05:60',
    ];
    for (const appliedAt of impossible) {
      expect([appliedAt, refusal(() => readBody(config, { appliedAt }, 'update'))]).toEqual([
        appliedAt,
        {
          status: 400,
          message: 'invalid field(s): appliedAt is not a real calendar date and time',
        },
      ]);
    }
  });

  it('keeps real edge dates exactly', () => {
    const cases = {
      '2024-02-29': '2024-02-29T00:00:00.000Z',
      '2000-02-29': '2000-02-29T00:00:00.000Z',
      '2025-12-31T23:59:59.999-14:00': '2026-01-01T13:59:59.999Z',
      '2025-04-30T00:00+05:30': '2025-04-29T18:30:00.000Z',
    };
    for (const [appliedAt, stored] of Object.entries(cases)) {
      expect(readBody(config, { appliedAt }, 'update')).toEqual({ appliedAt: stored });
    }
  });

  it('refuses an empty text primary key, which no URL could reach', () => {
    expect(refusal(() => readBody(config, { id: '', candidateId: 'c' }, 'create'))).toEqual({
      status: 400,
      message: 'invalid field(s): id cannot be empty',
    });
    // Other text columns may be empty.
    expect(readBody(config, { candidateId: '' }, 'update')).toEqual({ candidateId: '' });
  });

  it('prefixes messages with the batch item', () => {
    expect(refusal(() => readBody(config, { x: 1 }, 'create', 'operations[3]: ')).message).toBe(
      'operations[3]: unknown field(s): x',
    );
  });
});

describe('completeCreate', () => {
  it('fills session values and a UUID primary key', () => {
    const row = completeCreate(config, { candidateId: 'c1' }, session);
    expect(row).toMatchObject({ candidateId: 'c1', organizationId: 'org_1', createdBy: 'user_1' });
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps a client id and accepts a session value the client repeats', () => {
    const row = completeCreate(
      config,
      { id: 'a1', candidateId: 'c', organizationId: 'org_1' },
      session,
    );
    expect(row).toMatchObject({ id: 'a1', organizationId: 'org_1' });
  });

  it('refuses a firewall or owner value that differs from the session', () => {
    expect(
      refusal(() => completeCreate(config, { candidateId: 'c', organizationId: 'org_2' }, session)),
    ).toEqual({
      status: 400,
      message: 'organizationId is set from the session and cannot be chosen',
    });
    expect(
      refusal(() => completeCreate(config, { candidateId: 'c', createdBy: 'u2' }, session)).message,
    ).toBe('createdBy is set from the session and cannot be chosen');
  });

  it('lists missing required fields', () => {
    const bare = applicationsConfig({ firewall: [], ownerField: null });
    expect(refusal(() => completeCreate(bare, {}, {})).message).toBe(
      'missing required field(s): candidateId, organizationId',
    );
  });
});

describe('readId', () => {
  it('keeps text keys and parses integer keys from the URL', () => {
    expect(readId(config, 'a1')).toBe('a1');
    const numeric = applicationsConfig({
      columns: [
        {
          name: 'id',
          sqlName: 'id',
          type: 'integer',
          primaryKey: true,
          required: true,
          enum: null,
        },
      ],
    });
    expect(readId(numeric, '42')).toBe(42);
    expect(readId(numeric, 42)).toBe(42);
    expect(refusal(() => readId(numeric, 'x1')).message).toBe('id must be an integer');
    expect(refusal(() => readId(config, undefined, 'operations[0]: ')).message).toBe(
      'operations[0]: id is required',
    );
    expect(refusal(() => readId(config, '', 'operations[1]: '))).toEqual({
      status: 400,
      message: 'operations[1]: id cannot be empty',
    });
  });
});

describe('decodeRow', () => {
  it('turns stored 0/1 and JSON text back into booleans and values', () => {
    const stored = { id: 'a', archived: 0, meta: '{"a":[1]}', score: null, appliedAt: 'x' };
    expect(decodeRow(config, stored)).toMatchObject({
      id: 'a',
      archived: false,
      meta: { a: [1] },
      score: null,
      stage: null,
    });
  });
});

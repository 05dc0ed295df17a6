import { describe, expect, it } from 'vitest';
import { laneFor, laneName } from '../../runtime/realtime/lanes.ts';
import type { Lane, Target } from '../../runtime/realtime/types.ts';

describe('laneFor', () => {
  it('reads a string as an organization id', () => {
    expect(laneFor('org_1')).toEqual({ kind: 'org', id: 'org_1' });
  });

  it('prefers the scope, then the organization, then the user', () => {
    const all = { scopeKey: 'events:1', organizationId: 'org_1', userId: 'u1' };
    expect(laneFor(all)).toEqual({ kind: 'scope', id: 'events:1' });
    expect(laneFor({ organizationId: 'org_1', userId: 'u1' })).toEqual({
      kind: 'org',
      id: 'org_1',
    });
    expect(laneFor({ userId: 'u1' })).toEqual({ kind: 'user', id: 'u1' });
  });

  it('throws a TypeError naming the problem for an empty target', () => {
    const bad: unknown[] = [
      '',
      {},
      { scopeKey: '' },
      { organizationId: '', userId: 'u1' },
      null,
      7,
    ];
    for (const target of bad) {
      expect(() => laneFor(target as Target), JSON.stringify(target)).toThrow(TypeError);
    }
    expect(() => laneFor({})).toThrow(/scopeKey, organizationId, userId/);
    expect(() => laneFor({ scopeKey: '', organizationId: 'o' })).toThrow(/scopeKey/);
  });
});

describe('laneName', () => {
  it('is JSON of kind and id', () => {
    expect(laneName({ kind: 'scope', id: 'events:1' })).toBe('["scope","events:1"]');
  });

  it('gives distinct names to ids that try to impersonate other lanes', () => {
    const ids = [
      'events:1',
      'scope:events:1',
      '["scope","events:1"]',
      'events:1"]',
      '","events:1',
      'org_1',
      'org_1:',
      ':org_1',
      'a"b',
      'a\\"b',
      '[',
      ']',
      '\\',
      'a\u0000b',
    ];
    const lanes: Lane[] = [];
    for (const id of ids) {
      for (const kind of ['scope', 'org', 'user'] as const) lanes.push({ kind, id });
    }

    const names = lanes.map(laneName);
    expect(new Set(names).size).toBe(lanes.length);
    for (const [index, name] of names.entries()) {
      const lane = lanes[index] as Lane;
      expect(JSON.parse(name)).toEqual([lane.kind, lane.id]);
    }
  });

  it('keeps an organization whose id equals a scope key out of that scope', () => {
    const org = laneName(laneFor('events:1'));
    const scope = laneName(laneFor({ scopeKey: 'events:1' }));
    expect(org).not.toBe(scope);
  });
});

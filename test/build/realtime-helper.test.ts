// The realtime helper emitter on hand-written models: the cases the examples do not cover
// (no realtime table, no roles, names that collide once PascalCased) must still compile.

import fs from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { emitRealtimeHelper } from '../../src/emit/realtime-helper/index.ts';
import { planHelper } from '../../src/emit/realtime-helper/names.ts';
import { emitRuntimeCopy } from '../../src/emit/runtime-copy.ts';
import type { EmitContext } from '../../src/emit/types.ts';
import { formatFiles } from '../../src/format/index.ts';
import type { ProjectModel } from '../../src/model/types.ts';
import { writeOutput } from '../../src/write/index.ts';
import { freshDir } from './examples.ts';
import { minimalModel, recruitmentModel } from './models.ts';
import { typecheckProject, writeTsconfig } from './typecheck.ts';

const contextFor = (model: ProjectModel): EmitContext => ({
  model,
  outDir: '/project',
  readExisting: () => null,
  listExisting: () => [],
  report: () => undefined,
});

const helperText = (model: ProjectModel) => emitRealtimeHelper(contextFor(model))[0]!.contents;

const collidingModel: ProjectModel = {
  ...recruitmentModel,
  tables: [
    { ...recruitmentModel.tables[1]!, name: 'job_posts' },
    { ...recruitmentModel.tables[1]!, name: 'jobPosts' },
    { ...recruitmentModel.tables[1]!, name: 'tables' },
    { ...recruitmentModel.tables[1]!, name: 'role' },
  ],
  namespaces: [{ name: 'role', description: 'Ends a comment */ early?', events: [] }],
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('planHelper', () => {
  it('keeps only realtime tables, sorted by name', () => {
    const plan = planHelper(recruitmentModel);
    expect(plan.tables.map((t) => t.table.name)).toEqual(['applications', 'audit_log']);
    expect(plan.namespaces.map((n) => n.namespace.name)).toEqual(['notifications', 'screening']);
  });

  it('gives colliding names distinct type names', () => {
    const plan = planHelper(collidingModel);
    expect(plan.tables.map((t) => t.recordType)).toEqual([
      'JobPostsRecord',
      'JobPostsRecord2',
      'RoleRecord',
      'TablesRecord',
    ]);
    expect(plan.namespaces.map((n) => n.eventsType)).toEqual(['RoleEvents']);
  });

  it('does not depend on the order of the manifest maps', () => {
    const reversed = {
      ...recruitmentModel,
      tables: [...recruitmentModel.tables].reverse(),
      namespaces: [...recruitmentModel.namespaces].reverse().map((namespace) => ({
        ...namespace,
        events: [...namespace.events].reverse(),
      })),
    };
    expect(helperText(reversed)).toBe(helperText(recruitmentModel));
  });
});

describe('emitRealtimeHelper', () => {
  it('limits each method to the tables that publish that change', () => {
    const text = helperText(recruitmentModel);
    expect(text).toContain('export type InsertTable = "applications" | "audit_log";');
    expect(text).toContain('export type UpdateTable = "applications";');
    expect(text).not.toContain('secrets');
  });

  it('types roles as string when the manifest has no vocabulary', () => {
    expect(helperText(minimalModel)).toContain('export type Role = string;');
  });

  it.each([
    ['without realtime tables, roles or namespaces', minimalModel],
    ['with colliding names', collidingModel],
    ['with every column and payload type', recruitmentModel],
  ])('compiles under tsc --strict %s', async (_label, model) => {
    const dir = freshDir('helper');
    dirs.push(dir);
    const context = contextFor(model);
    const files = await formatFiles([...emitRuntimeCopy(context), ...emitRealtimeHelper(context)]);
    expect(writeOutput(dir, files).diagnostics).toEqual([]);

    expect(typecheckProject(writeTsconfig(dir))).toEqual([]);
  });
});

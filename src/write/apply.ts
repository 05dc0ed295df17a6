// Carries out a checked plan, all or nothing. New contents go to temporary files first; only
// when every one of them is on disk are they renamed into place and stale files removed. If
// any step fails, every finished step is undone from the contents kept in the plan.

import path from 'node:path';

import type { Diagnostic } from '../diagnostics/types.ts';
import { GENERATED_DIRS } from './areas.ts';
import type { FileOps } from './file-ops.ts';
import { writeFailed } from './messages.ts';
import type { WritePlan } from './plan.ts';

export interface WriteReport {
  written: string[];
  removed: string[];
  unchanged: number;
}

type Undo = () => void;

export function applyPlan(
  plan: WritePlan,
  ops: FileOps,
): { report: WriteReport | null; diagnostics: Diagnostic[] } {
  const undo: Undo[] = [];
  const pending = new Set<string>();
  const at = (relative: string) => path.join(plan.outDir, relative);
  const temporary = (relative: string) => `${at(relative)}.quickback-${process.pid}.tmp`;
  let current = plan.outDir;

  try {
    for (const write of plan.writes) {
      current = at(write.path);
      makeFolders(path.dirname(current), ops, undo);
      ops.write(temporary(write.path), write.contents);
      pending.add(temporary(write.path));
    }
    for (const write of plan.writes) {
      const target = (current = at(write.path));
      ops.rename(temporary(write.path), target);
      pending.delete(temporary(write.path));
      undo.push(() => restore(target, write.previous, ops));
    }
    for (const removal of plan.removals) {
      const target = (current = at(removal.path));
      ops.unlink(target);
      undo.push(() => restore(target, removal.previous, ops));
    }
  } catch (error) {
    const restored = runUndo([...undo, ...[...pending].map((temp) => () => ops.unlink(temp))]);
    return { report: null, diagnostics: [writeFailed(current, reason(error), restored)] };
  }

  removeEmptyFolders(plan, ops);
  return {
    report: {
      written: plan.writes.map((write) => write.path),
      removed: plan.removals.map((removal) => removal.path),
      unchanged: plan.unchanged,
    },
    diagnostics: [],
  };
}

/** Creates missing folders one level at a time, remembering each so undo can remove it. */
function makeFolders(dir: string, ops: FileOps, undo: Undo[]): void {
  if (ops.kind(dir) === 'dir') return;
  makeFolders(path.dirname(dir), ops, undo);
  ops.mkdir(dir);
  undo.push(() => ops.rmdir(dir));
}

/** Puts a file back as it was: its old contents, or gone when it was new. */
function restore(file: string, previous: string | null, ops: FileOps): void {
  if (previous === null) ops.unlink(file);
  else ops.write(file, previous);
}

/** Undoes in reverse order; keeps going past failures so as much as possible is restored. */
function runUndo(undo: Undo[]): boolean {
  let complete = true;
  for (const step of undo.reverse()) {
    try {
      step();
    } catch {
      complete = false;
    }
  }
  return complete;
}

/** After removals, drop folders under the generated areas that are now empty. */
function removeEmptyFolders(plan: WritePlan, ops: FileOps): void {
  const roots = new Set(GENERATED_DIRS.map((dir) => path.join(plan.outDir, dir)));
  for (const removal of plan.removals) {
    let dir = path.dirname(path.join(plan.outDir, removal.path));
    while ([...roots].some((root) => dir === root || dir.startsWith(`${root}${path.sep}`))) {
      if (ops.kind(dir) !== 'dir' || ops.list(dir).length > 0) break;
      ops.rmdir(dir);
      dir = path.dirname(dir);
    }
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

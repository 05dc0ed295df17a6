// Works out what a build would change, before anything is written: which files differ, which
// generated files are no longer wanted, and which targets are in the way. Nothing here writes.

import path from 'node:path';

import type { Diagnostic } from '../diagnostics/types.ts';
import { hasGeneratedHeader } from '../emit/ast/index.ts';
import type { EmittedFile } from '../emit/types.ts';
import { GENERATED_DIRS, GENERATED_FILES } from './areas.ts';
import type { FileOps } from './file-ops.ts';
import { blockedPath, notGenerated } from './messages.ts';

export interface PlannedWrite {
  /** Relative to the output root, forward slashes. */
  path: string;
  contents: string;
  /** What is there now, or null for a new file. */
  previous: string | null;
}

export interface PlannedRemoval {
  path: string;
  previous: string;
}

export interface WritePlan {
  outDir: string;
  writes: PlannedWrite[];
  removals: PlannedRemoval[];
  unchanged: number;
}

export function planWrite(
  outDir: string,
  files: readonly EmittedFile[],
  ops: FileOps,
): { plan: WritePlan; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const plan: WritePlan = { outDir, writes: [], removals: [], unchanged: 0 };
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  assertUniquePaths(sorted);

  const root = checkOutputRoot(outDir, ops);
  if (root !== null) return { plan, diagnostics: [root] };

  // One diagnostic per blocking path, however many files would go below it.
  const blockers = new Set<string>();
  for (const file of sorted) {
    const absolute = path.join(outDir, file.path);
    const blocker = blockingAncestor(outDir, file.path, ops);
    if (blocker !== null) {
      if (!blockers.has(blocker.path)) {
        blockers.add(blocker.path);
        const found = blocker.kind === 'file' ? 'a file' : 'not a plain folder';
        diagnostics.push(
          blockedPath(path.join(outDir, blocker.path), blocker.path, found, 'folder'),
        );
      }
      continue;
    }
    const kind = ops.kind(absolute);
    if (kind === 'dir' || kind === 'other') {
      const found = kind === 'dir' ? 'a folder' : 'not a regular file';
      diagnostics.push(blockedPath(absolute, file.path, found, 'file'));
      continue;
    }
    const previous = ops.read(absolute);
    if (previous !== null && file.generated && !hasGeneratedHeader(previous)) {
      diagnostics.push(notGenerated(absolute, file.path));
      continue;
    }
    if (previous === file.contents) plan.unchanged++;
    else plan.writes.push({ path: file.path, contents: file.contents, previous });
  }

  const wanted = new Set(sorted.map((file) => file.path));
  for (const relative of existingGeneratedFiles(outDir, ops)) {
    if (wanted.has(relative)) continue;
    const previous = ops.read(path.join(outDir, relative));
    // A hand-written file in a generated folder is the user's: leave it be.
    if (previous !== null && hasGeneratedHeader(previous)) {
      plan.removals.push({ path: relative, previous });
    }
  }
  return { plan, diagnostics };
}

function assertUniquePaths(files: readonly EmittedFile[]): void {
  for (let i = 1; i < files.length; i++) {
    if (files[i]!.path === files[i - 1]!.path) {
      throw new Error(`two emitters produced ${files[i]!.path}`);
    }
  }
}

/** The first ancestor folder of `relative` that exists but is not a folder, if any. */
function blockingAncestor(
  outDir: string,
  relative: string,
  ops: FileOps,
): { path: string; kind: 'file' | 'other' } | null {
  const parts = relative.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const ancestor = parts.slice(0, i).join('/');
    const kind = ops.kind(path.join(outDir, ancestor));
    if (kind === null) return null;
    if (kind !== 'dir') return { path: ancestor, kind };
  }
  return null;
}

/**
 * A file at the output root, or at a folder above it that does not exist yet: then no file
 * can be written, and saying so once beats a failed mkdir halfway through the write. Other
 * kinds pass, since a link to a folder is a fine output root.
 */
export function checkOutputRoot(outDir: string, ops: FileOps): Diagnostic | null {
  for (let dir = outDir; ; dir = path.dirname(dir)) {
    const kind = ops.kind(dir);
    if (kind === 'file') {
      return dir === outDir
        ? blockedPath(dir, '', 'a file', 'root')
        : blockedPath(dir, dir, 'a file', 'folder');
    }
    if (kind !== null || path.dirname(dir) === dir) return null;
  }
}

/** Regular files now present in the generated areas, relative to the output root, sorted. */
function existingGeneratedFiles(outDir: string, ops: FileOps): string[] {
  const found: string[] = [];
  for (const file of GENERATED_FILES) {
    if (ops.kind(path.join(outDir, file)) === 'file') found.push(file);
  }
  for (const dir of GENERATED_DIRS) collectFiles(outDir, dir, ops, found);
  return found.sort();
}

function collectFiles(outDir: string, relativeDir: string, ops: FileOps, found: string[]): void {
  if (ops.kind(path.join(outDir, relativeDir)) !== 'dir') return;
  for (const name of ops.list(path.join(outDir, relativeDir))) {
    const relative = `${relativeDir}/${name}`;
    const kind = ops.kind(path.join(outDir, relative));
    if (kind === 'file') found.push(relative);
    else if (kind === 'dir') collectFiles(outDir, relative, ops, found);
  }
}

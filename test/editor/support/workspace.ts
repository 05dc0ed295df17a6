// Test documents: a temp folder holding a copy of the schema next to the manifests, the way
// `quickback init` lays a project out, and a cursor marker for choosing positions.

import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Position } from 'vscode-languageserver-protocol/node';

import { SCHEMA_PATH } from '../../../src/validate/schema-file.ts';

/** Where the cursor sits in a test document; removed before the text reaches the server. */
export const CURSOR = '<|>';

/** The modeline `quickback init` writes, pointing at the schema copy beside the manifest. */
export const MODELINE = '# yaml-language-server: $schema=./quickback.schema.json';

export class Workspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'quickback-editor-'));
  private count = 0;

  constructor() {
    copyFileSync(SCHEMA_PATH, join(this.dir, 'quickback.schema.json'));
  }

  /** Writes a new file (a fresh name each time, so every document is opened once). */
  write(text: string, extension = 'yaml'): { path: string; uri: string } {
    this.count += 1;
    const path = join(this.dir, `manifest-${this.count}.${extension}`);
    writeFileSync(path, text);
    return { path, uri: pathToFileURL(path).href };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Splits a document written with one CURSOR marker into its text and the cursor position. */
export function withCursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf(CURSOR);
  if (at < 0 || marked.indexOf(CURSOR, at + 1) >= 0) {
    throw new Error(`a test document needs exactly one ${CURSOR} marker`);
  }

  const before = marked.slice(0, at).split('\n');
  const position = { line: before.length - 1, character: before.at(-1)!.length };
  return { text: marked.slice(0, at) + marked.slice(at + CURSOR.length), position };
}

/** Joins lines into a document, so tests read like the manifest they describe. */
export const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

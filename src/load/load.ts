// Reads a manifest file and parses it by its extension: `.json` as JSON, anything else as YAML.

import { readFile } from 'node:fs/promises';

import type { DiagnosticSink } from '../diagnostics/sink.ts';
import { loadJson } from './json.ts';
import type { SourceDocument } from './source.ts';
import { loadYaml } from './yaml.ts';

export async function loadManifest(
  absolutePath: string,
  sink: DiagnosticSink,
): Promise<SourceDocument | null> {
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch (error) {
    sink.report('QB001', { reason: describeReadError(error, sink.file) }, null);
    return null;
  }

  // An editor may save a byte order mark; it is not part of the document.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  return absolutePath.toLowerCase().endsWith('.json')
    ? loadJson(text, sink.file, absolutePath, sink)
    : loadYaml(text, sink.file, absolutePath, sink);
}

function describeReadError(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return `cannot read ${file}: no such file`;
  if (code === 'EISDIR') return `cannot read ${file}: it is a folder, not a manifest file`;
  if (code === 'EACCES') return `cannot read ${file}: permission denied`;
  return `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`;
}

// Parses a YAML 1.2 manifest with the `yaml` document API, keeping every node's source range.

import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
} from 'yaml';

import type { DiagnosticSink } from '../diagnostics/sink.ts';
import type { SourceRange } from '../diagnostics/types.ts';
import { MAX_DEPTH, yamlTooDeep } from './depth.ts';
import { LineIndex } from './lines.ts';
import type { PathSegment, RangePart, SourceDocument } from './source.ts';

// Guards against alias bombs: a manifest never needs many aliases.
const MAX_ALIAS_COUNT = 100;

export function loadYaml(
  text: string,
  file: string,
  absolutePath: string,
  sink: DiagnosticSink,
): SourceDocument | null {
  const lines = new LineIndex(text);
  const tooDeep = yamlTooDeep(text);
  if (tooDeep !== null) {
    sink.report('QB005', { max: MAX_DEPTH }, lines.range(tooDeep, tooDeep + 1));
    return null;
  }

  const doc = parseDocument(text, {
    lineCounter: new LineCounter(),
    uniqueKeys: false,
    prettyErrors: false,
    logLevel: 'silent',
  });

  let fatal = false;
  for (const error of doc.errors) {
    const range = lines.range(error.pos[0], error.pos[1]);
    fatal = true;
    if (error.code === 'TAB_AS_INDENT') sink.report('QB004', {}, range);
    else sink.report('QB002', { language: 'YAML', detail: firstLine(error.message) }, range);
  }
  if (fatal) return null;

  if (reportBrokenAliases(doc, lines, sink)) return null;
  reportDuplicateKeys(doc, lines, sink);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // toJS throws only for alias misuse (count limit, cycles); the message says which.
    const detail = error instanceof Error ? error.message : String(error);
    sink.report('QB002', { language: 'YAML', detail }, lines.range(0, 0));
    return null;
  }

  return {
    file,
    absolutePath,
    language: 'YAML',
    text,
    value: value ?? null,
    rangeOf: (path, part) => locate(doc, lines, path, part),
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function nodeRange(node: Node | null | undefined, lines: LineIndex): SourceRange | null {
  if (!node?.range) return null;
  return lines.range(node.range[0], node.range[1]);
}

function reportBrokenAliases(doc: Document, lines: LineIndex, sink: DiagnosticSink): boolean {
  let broken = false;

  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) !== undefined) return;
      broken = true;
      const detail = `alias \`*${alias.source}\` has no anchor \`&${alias.source}\` before it`;
      sink.report('QB002', { language: 'YAML', detail }, nodeRange(alias, lines));
    },
  });

  return broken;
}

function keyText(pair: Pair): string | null {
  return isScalar(pair.key) ? String(pair.key.value) : null;
}

function reportDuplicateKeys(doc: Document, lines: LineIndex, sink: DiagnosticSink): void {
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = keyText(pair);
        const range = nodeRange(pair.key as Node | null, lines);
        if (key === null || range === null) continue;

        const firstLine = seen.get(key);
        if (firstLine === undefined) seen.set(key, range.start.line);
        else sink.report('QB003', { key, firstLine }, range);
      }
    },
  });
}

function locate(
  doc: Document,
  lines: LineIndex,
  path: readonly PathSegment[],
  part: RangePart,
): SourceRange {
  let node: unknown = doc.contents;
  let best: SourceRange = nodeRange(doc.contents, lines) ?? lines.range(0, 0);
  let keyRange: SourceRange | null = null;

  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);

    const pair = isMap(node) ? findPair(node.items, segment) : undefined;
    if (pair) {
      keyRange = nodeRange(pair.key as Node | null, lines);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      keyRange = null;
      node = node.items[segment];
    } else {
      return best;
    }

    const valueRange = nodeRange(node as Node | null, lines);
    best = keyRange ?? valueRange ?? best;
    if (part === 'value' && valueRange && !isEmptyScalar(node)) best = valueRange;
  }

  if (part === 'key' && keyRange) return keyRange;
  return best;
}

function findPair(items: Pair[], segment: PathSegment): Pair | undefined {
  // The last pair wins, as in the parsed value.
  const wanted = String(segment);
  let found: Pair | undefined;
  for (const item of items) {
    if (isPair(item) && keyText(item) === wanted) found = item;
  }
  return found;
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && node.source === '';
}

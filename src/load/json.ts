// Parses a JSON manifest with jsonc-parser's syntax tree, keeping every node's offsets.

import {
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser';

import type { DiagnosticSink } from '../diagnostics/sink.ts';
import type { SourceRange } from '../diagnostics/types.ts';
import { jsonTooDeep, MAX_DEPTH } from './depth.ts';
import { LineIndex } from './lines.ts';
import type { PathSegment, RangePart, SourceDocument } from './source.ts';

export function loadJson(
  text: string,
  file: string,
  absolutePath: string,
  sink: DiagnosticSink,
): SourceDocument | null {
  const lines = new LineIndex(text);
  const tooDeep = jsonTooDeep(text);
  if (tooDeep !== null) {
    sink.report('QB005', { max: MAX_DEPTH }, lines.range(tooDeep, tooDeep + 1));
    return null;
  }

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });

  // The parser can flag one mistake twice at one place (a trailing comma in an object is
  // both "property name expected" and "value expected"): keep the first.
  const reported = new Set<number>();
  for (const error of errors) {
    if (reported.has(error.offset)) continue;
    reported.add(error.offset);
    const detail = describeParseError(printParseErrorCode(error.error));
    sink.report(
      'QB002',
      { language: 'JSON', detail },
      lines.range(error.offset, error.offset + error.length),
    );
  }
  if (errors.length > 0 || root === undefined) {
    if (errors.length === 0) {
      sink.report('QB002', { language: 'JSON', detail: 'the file is empty' }, lines.range(0, 0));
    }
    return null;
  }

  reportDuplicateKeys(root, lines, sink);

  return {
    file,
    absolutePath,
    language: 'JSON',
    text,
    value: toValue(root),
    rangeOf: (path, part) => locate(root, lines, path, part),
  };
}

// jsonc-parser names errors in PascalCase (`PropertyNameExpected`); say it in words.
function describeParseError(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        // defineProperty keeps a `__proto__` key an ordinary own key, as YAML does.
        Object.defineProperty(object, String(key.value), {
          value: toValue(value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}

function reportDuplicateKeys(node: Node, lines: LineIndex, sink: DiagnosticSink): void {
  if (node.type === 'object') {
    const seen = new Map<string, number>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (!key) continue;
      const range = lines.range(key.offset, key.offset + key.length);
      const name = String(key.value);
      const firstLine = seen.get(name);
      if (firstLine === undefined) seen.set(name, range.start.line);
      else sink.report('QB003', { key: name, firstLine }, range);
    }
  }

  for (const child of node.children ?? []) reportDuplicateKeys(child, lines, sink);
}

function locate(
  root: Node,
  lines: LineIndex,
  path: readonly PathSegment[],
  part: RangePart,
): SourceRange {
  // Walk up from the full path until a node exists: the nearest ancestor stands in.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, [...path.slice(0, depth)]);
    if (!node) continue;

    const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    const target = part === 'key' || depth < path.length ? (key ?? node) : node;
    return lines.range(target.offset, target.offset + target.length);
  }

  return lines.range(root.offset, root.offset);
}

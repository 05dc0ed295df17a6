// Finds where a manifest nests too deeply, before any parser recurses into it. The parsers
// and every later pass walk the document recursively, so a few thousand nested lists would
// otherwise end in a stack overflow instead of a diagnostic. A real manifest nests about
// eight levels deep.
//
// Both scans read tokens in one loop. For YAML they count flow brackets, plus one level per
// block mapping (a key at a new column) and per block sequence (a `-` at a new column).

import { createScanner, SyntaxKind } from 'jsonc-parser';
import { CST, Lexer } from 'yaml';

/** Levels of nested lists and mappings a manifest may have. */
export const MAX_DEPTH = 100;

/** Offset of the first list or mapping nested deeper than `max` levels, or null. */
export function jsonTooDeep(text: string, max = MAX_DEPTH): number | null {
  const scanner = createScanner(text, true);
  let depth = 0;

  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > max) return scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return null;
}

interface OpenBlock {
  column: number;
  kind: 'map' | 'seq';
}

/** Offset of the first list or mapping nested deeper than `max` levels, or null. */
export function yamlTooDeep(text: string, max = MAX_DEPTH): number | null {
  const blocks: OpenBlock[] = [];
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  // Where the node being read on this line began: a key's start, once its `:` shows up.
  let nodeStart: { offset: number; column: number } | null = null;
  let atScalar = false;

  for (const source of new Lexer().lex(text)) {
    const start = offset;
    const type: string | null = atScalar ? 'scalar-source' : CST.tokenType(source);
    atScalar = type === 'scalar';
    // The lexer's marker tokens stand for nothing in the text.
    if (type === 'scalar' || type === 'doc-mode' || type === 'flow-error-end') continue;

    offset += source.length;
    const column = start - lineStart;
    const newline = source.lastIndexOf('\n');
    if (newline !== -1) lineStart = start + newline + 1;

    let opened = start;
    switch (type) {
      case 'newline':
        nodeStart = null;
        continue;
      case 'space':
      case 'comment':
      case 'byte-order-mark':
      case 'directive-line':
      case 'comma':
        continue;
      case 'doc-start':
      case 'doc-end':
        blocks.length = 0;
        continue;
      case 'flow-seq-end':
      case 'flow-map-end':
        flow = Math.max(0, flow - 1);
        continue;
      case 'flow-seq-start':
      case 'flow-map-start':
        if (flow === 0) nodeStart ??= { offset: start, column };
        flow++;
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
        if (flow > 0) continue;
        nodeStart = null;
        openBlock(blocks, column, type === 'seq-item-ind' ? 'seq' : 'map');
        break;
      case 'map-value-ind': {
        const key = nodeStart;
        nodeStart = null;
        if (flow > 0 || key === null) continue;
        openBlock(blocks, key.column, 'map');
        opened = key.offset;
        break;
      }
      default:
        if (flow === 0) nodeStart ??= { offset: start, column };
        continue;
    }

    if (blocks.length + flow > max) return opened;
  }
  return null;
}

/** Records a block collection at `column`, closing those that a token there ends. */
function openBlock(blocks: OpenBlock[], column: number, kind: OpenBlock['kind']): void {
  // A key at a sequence's column ends the sequence (`a:` / `- x` / `b:`).
  const ends = (top: OpenBlock) =>
    top.column > column || (top.column === column && top.kind === 'seq' && kind === 'map');
  while (blocks.length > 0 && ends(blocks[blocks.length - 1]!)) blocks.pop();

  const top = blocks[blocks.length - 1];
  if (top?.column === column && top.kind === kind) return;
  blocks.push({ column, kind });
}

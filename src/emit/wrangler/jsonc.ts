// Merging into wrangler.jsonc / wrangler.json by inserting text at the end of the right object
// or array. jsonc-parser locates the containers; the insertion itself is ours, so comments keep
// their lines (jsonc-parser's `modify` can move a trailing comment below inserted members).

import { createScanner, findNodeAtLocation, parseTree, SyntaxKind, type Node } from 'jsonc-parser';

import type { JsonObject, JsonValue, WranglerNeeds } from './needs.ts';

export class JsoncMergeError extends Error {}

interface Layout {
  eol: string;
  unit: string;
}

export function mergeJsonc(text: string, needs: WranglerNeeds): string {
  const layout = detectLayout(text);
  let result = text;
  for (const [key, value] of needs.topLevel) result = addMember(result, [], key, value, layout);
  if (needs.d1) result = addElement(result, ['d1_databases'], needs.d1, layout);
  if (needs.durableObject) {
    result = addElement(result, ['durable_objects', 'bindings'], needs.durableObject, layout);
  }
  if (needs.migration) result = addElement(result, ['migrations'], needs.migration, layout);
  return result;
}

/** Appends to the array at `path`, creating the array (and its parents) when missing. */
function addElement(text: string, path: string[], value: JsonObject, layout: Layout): string {
  const root = rootObject(text);
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth));
    if (node === undefined) continue;
    if (depth === path.length) {
      if (node.type !== 'array') throw notA('an array', path);
      return append(text, node, { value }, layout);
    }
    if (node.type !== 'object') throw notA('an object', path.slice(0, depth));
    const missing = path.slice(depth);
    const wrapped = missing
      .slice(1)
      .reduceRight<JsonValue>((inner, key) => ({ [key]: inner }), [value]);
    return addMemberTo(text, node, missing[0]!, wrapped, layout);
  }
  throw notA('an object', []);
}

function addMember(text: string, path: string[], key: string, value: JsonValue, layout: Layout) {
  const root = rootObject(text);
  const node = path.length === 0 ? root : findNodeAtLocation(root, path);
  if (node?.type !== 'object') throw notA('an object', path);
  return addMemberTo(text, node, key, value, layout);
}

function addMemberTo(text: string, node: Node, key: string, value: JsonValue, layout: Layout) {
  return append(text, node, { key, value }, layout);
}

/**
 * Inserts `value` (or the member `key: value`) as the last entry of an object or array node.
 * A comma goes right after the previous last entry (before any comment on its line); a file
 * that ends its entries with a trailing comma gets one after ours as well. A container written
 * on one line (`[{ ... }]`) gets the new entry on that line too.
 */
function append(text: string, container: Node, entry: Entry, layout: Layout): string {
  const close = container.offset + container.length - 1;
  const children = container.children ?? [];
  const last = children[children.length - 1];
  const closeLineStart = text.lastIndexOf('\n', close - 1) + 1;
  const closeOnOwnLine = text.slice(closeLineStart, close).trim() === '';

  if (last !== undefined && !closeOnOwnLine) {
    const lastEnd = last.offset + last.length;
    const between = text.slice(lastEnd, close);
    const kept = between.trimEnd();
    const comma = hasComma(between);
    const inline = `${comma ? ' ' : ', '}${entryText(entry, inlineJson)}${comma ? ',' : ''}`;
    const at = lastEnd + kept.length;
    return `${text.slice(0, at)}${inline}${text.slice(at)}`;
  }

  const outer = indentOf(text, closeOnOwnLine ? close : container.offset);
  const inner = last === undefined ? outer + layout.unit : indentOf(text, last.offset);
  const item = entryText(entry, (value) => jsonText(value, layout.unit));
  const body = item.split('\n').join(layout.eol + inner);

  let trailing = false;
  let edited = text;
  if (last !== undefined) {
    const lastEnd = last.offset + last.length;
    trailing = hasComma(text.slice(lastEnd, close));
    if (!trailing) edited = `${text.slice(0, lastEnd)},${text.slice(lastEnd)}`;
  }
  const shift = edited.length - text.length;
  const line = `${inner}${body}${trailing ? ',' : ''}`;

  if (closeOnOwnLine) {
    const at = closeLineStart + shift;
    return `${edited.slice(0, at)}${line}${layout.eol}${edited.slice(at)}`;
  }
  const at = close + shift;
  return `${edited.slice(0, at)}${layout.eol}${line}${layout.eol}${outer}${edited.slice(at)}`;
}

/** An array element, or an object member. */
type Entry = { value: JsonValue; key?: string };

function entryText(entry: Entry, print: (value: JsonValue) => string): string {
  const value = print(entry.value);
  return entry.key === undefined ? value : `${JSON.stringify(entry.key)}: ${value}`;
}

/** One-line JSON with spaces inside braces, as people write short entries. */
export function inlineJson(value: JsonValue): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`);
  return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
}

/** JSON with `unit` indentation; lists of plain values stay on one line, as people write them. */
export function jsonText(value: JsonValue, unit: string): string {
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
  }
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Array.isArray(value)
    ? value.map((item) => jsonText(item, unit))
    : Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${jsonText(item, unit)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const body = entries.map((entry) => unit + entry.split('\n').join(`\n${unit}`)).join(',\n');
  return `${open}\n${body}\n${close}`;
}

function hasComma(between: string): boolean {
  const scanner = createScanner(between, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.CommaToken) return true;
  }
  return false;
}

/** Leading whitespace of the line holding `offset`. */
function indentOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

function detectLayout(text: string): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /^([ \t]+)\S/m.exec(text);
  const unit = indented === null ? '  ' : indented[1]!.startsWith('\t') ? '\t' : indented[1]!;
  return { eol, unit };
}

function rootObject(text: string): Node {
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (root?.type !== 'object') throw new JsoncMergeError('the file does not hold a JSON object');
  return root;
}

function notA(what: string, path: string[]): JsoncMergeError {
  const where = path.length === 0 ? 'the top level' : `"${path.join('.')}"`;
  return new JsoncMergeError(`${where} is not ${what}`);
}

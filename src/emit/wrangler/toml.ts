// Merging into wrangler.toml by inserting text: the user's bytes (keys, comments, layout,
// earlier migrations) stay exactly as they are, and only missing entries are added. smol-toml
// only reads the file; the caller re-parses the result to prove the insertion landed.

import type { JsonValue, WranglerNeeds } from './needs.ts';

const BLOCK_COMMENTS = {
  d1: 'D1 database for the CRUD routes; `wrangler d1 migrations apply` reads migrations_dir.',
  durableObject: 'The realtime Broadcaster Durable Object (holds the WebSockets).',
  migration:
    'Creates Broadcaster as a SQLite-backed Durable Object, the kind workerd and the free ' +
    'plan run. Migrations are append-only: never edit or remove an applied tag.',
};

export function tomlValue(value: JsonValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(', ')}]`;
  if (value === null || typeof value === 'object') {
    throw new Error('wrangler entries quickback adds hold only strings and arrays');
  }
  return String(value);
}

function keyLines(entries: [string, JsonValue][]): string[] {
  return entries.map(([key, value]) => `${key} = ${tomlValue(value)}`);
}

/** `text` as comment lines of at most 98 columns. */
export function comment(text: string, prefix = '#'): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > 98) {
      lines.push(line);
      line = prefix;
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

function tableBlock(header: string, note: string, entry: { [key: string]: JsonValue }): string[] {
  return [...comment(note), `[[${header}]]`, ...keyLines(Object.entries(entry))];
}

export function mergeToml(text: string, needs: WranglerNeeds): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let lines = text.length === 0 ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);

  if (needs.topLevel.length > 0) lines = insertTopLevel(lines, keyLines(needs.topLevel));

  const blocks: string[][] = [];
  if (needs.d1) blocks.push(tableBlock('d1_databases', BLOCK_COMMENTS.d1, needs.d1));
  if (needs.durableObject) {
    const note = BLOCK_COMMENTS.durableObject;
    blocks.push(tableBlock('durable_objects.bindings', note, needs.durableObject));
  }
  if (needs.migration) {
    blocks.push(tableBlock('migrations', BLOCK_COMMENTS.migration, needs.migration));
  }
  for (const block of blocks) {
    if (lines.length > 0 && lines[lines.length - 1]!.trim() !== '') lines.push('');
    lines.push(...block);
  }

  if (needs.topLevel.length === 0 && blocks.length === 0) return text;
  return lines.join(eol) + eol;
}

/**
 * Top-level keys must come before the first table header. They go just above it (and above
 * the comment lines attached to it), or at the end when the file has no table yet.
 */
function insertTopLevel(lines: string[], keys: string[]): string[] {
  let at = firstHeaderLine(lines);
  const hasHeader = at < lines.length;
  while (hasHeader && at > 0 && lines[at - 1]!.trimStart().startsWith('#')) at--;
  const before = lines.slice(0, at);
  const after = lines.slice(at);
  const gapBefore = before.length > 0 && before[before.length - 1]!.trim() !== '' ? [''] : [];
  const gapAfter = after.length > 0 && after[0]!.trim() !== '' ? [''] : [];
  return [...before, ...gapBefore, ...keys, ...gapAfter, ...after];
}

/** Index of the first `[table]` or `[[array]]` header outside a multi-line string. */
function firstHeaderLine(lines: string[]): number {
  let inString = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const quotes = (line.match(/"""|'''/g) ?? []).length;
    if (!inString && /^\s*\[/.test(line) && !/^\s*\w[\w-]*\s*=/.test(line)) return i;
    if (quotes % 2 === 1) inString = !inString;
  }
  return lines.length;
}

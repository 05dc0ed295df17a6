// Reading wrangler config files into plain data (for deciding what is missing, never for
// writing: the merge works on the text).

import { parse as parseJsoncText, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseTomlText, TomlError } from 'smol-toml';

import { isObject, type JsonObject } from './needs.ts';

export type WranglerFormat = 'toml' | 'jsonc';

export type ParseResult = { ok: true; data: JsonObject } | { ok: false; error: string };

export function parseConfig(text: string, format: WranglerFormat): ParseResult {
  return format === 'toml' ? parseToml(text) : parseJsonc(text);
}

function parseToml(text: string): ParseResult {
  try {
    return { ok: true, data: parseTomlText(text) as JsonObject };
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const message = error.message.split('\n')[0]!;
    return { ok: false, error: `${message} (line ${error.line}, column ${error.column})` };
  }
}

function parseJsonc(text: string): ParseResult {
  const errors: ParseError[] = [];
  const data: unknown = parseJsoncText(text, errors, { allowTrailingComma: true });
  const first = errors[0];
  if (first !== undefined) {
    const { line, column } = position(text, first.offset);
    return {
      ok: false,
      error: `${printParseErrorCode(first.error)} (line ${line}, column ${column})`,
    };
  }
  if (!isObject(data)) return { ok: false, error: 'the file does not hold a JSON object' };
  return { ok: true, data };
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

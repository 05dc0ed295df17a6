// Compiles the type tests in type-tests/ against the generated recruitment fixture: they must
// compile with no error (so every `@ts-expect-error` is used), and a copy without the
// directives must fail on exactly the lines they marked (so the test can fail at all).

import fs from 'node:fs';
import path from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { compilerOptions, describe as describeDiagnostics, locate } from './typecheck.ts';

const TYPE_TESTS = path.join(import.meta.dirname, 'type-tests');
const DIRECTIVE = /^\s*\/\/ @ts-expect-error\b/;

/** A program over `file`, optionally reading `override` as its text. */
function compile(file: string, override?: string): readonly ts.Diagnostic[] {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  if (override !== undefined) {
    const readFile = host.readFile.bind(host);
    host.readFile = (name) => (path.resolve(name) === file ? override : readFile(name));
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, onError) =>
      path.resolve(name) === file
        ? ts.createSourceFile(name, override, version)
        : getSourceFile(name, version, onError);
  }
  const program = ts.createProgram({ rootNames: [file], options, host });
  return ts.getPreEmitDiagnostics(program);
}

const files = fs
  .readdirSync(TYPE_TESTS)
  .filter((name) => name.endsWith('.ts'))
  .sort();

describe.each(files)('type tests %s', (name) => {
  const file = path.join(TYPE_TESTS, name);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const directiveLines = lines.flatMap((line, index) => (DIRECTIVE.test(line) ? [index + 1] : []));

  it('compiles, using every @ts-expect-error', () => {
    expect(directiveLines.length).toBeGreaterThan(0);
    expect(describeDiagnostics(compile(file))).toEqual([]);
  });

  it('fails on each marked line once the directives are gone', () => {
    // Blank the directives in place so line numbers stay put.
    const stripped = lines.map((line) => (DIRECTIVE.test(line) ? '' : line)).join('\n');
    const errors = locate(compile(file, stripped));

    expect(errors.every((error) => path.resolve(error.file) === file)).toBe(true);
    const failing = [...new Set(errors.map((error) => error.line))].sort((a, b) => a - b);
    expect(failing).toEqual(directiveLines.map((line) => line + 1));
  });
});

// Rendering details: code frames for tabs, ranges over several lines, and places-less items.

import { describe, expect, it } from 'vitest';

import { codeFrame, FRAME_WIDTH } from '../../src/cli/code-frame.ts';
import { renderJson, renderPretty } from '../../src/cli/render.ts';
import type { Diagnostic } from '../../src/diagnostics/types.ts';

const at = (line: number, column: number, endLine = line, endColumn = column + 1) => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

describe('code frames', () => {
  it('keeps tabs in the caret padding so the caret lines up', () => {
    expect(codeFrame('a:\n\tkey: value\n', at(2, 7, 2, 12))).toBe(
      ['  1 | a:', '> 2 | \tkey: value', '    | \t     ^^^^^'].join('\n'),
    );
  });

  it('underlines to the end of the line when a range spans lines', () => {
    expect(codeFrame('tables:\n  t: {\n  }\n', at(2, 6, 3, 4))).toBe(
      ['  1 | tables:', '> 2 |   t: {', '    |      ^'].join('\n'),
    );
  });

  it('cuts a long line to a window around the caret, marking both cuts', () => {
    // A 1,000,000-character value after `x: `; the caret is on its first `b`, column 500,004.
    const value = `${'a'.repeat(500_000)}${'b'.repeat(500_000)}`;
    const frame = codeFrame(`name: app\nx: ${value}\n`, at(2, 500_004, 2, 500_014));

    // 40 columns before the caret, 120 from it.
    const shown = `${'a'.repeat(40)}${'b'.repeat(120)}`;
    expect(frame).toBe(
      ['  1 | …', `> 2 | …${shown}…`, `    |  ${' '.repeat(40)}${'^'.repeat(10)}`].join('\n'),
    );
  });

  it('cuts the carets of a huge range at the window edge', () => {
    const frame = codeFrame(`x: ${'v'.repeat(5_000_000)}\n`, at(1, 4, 1, 5_000_004));

    expect(frame).toBe(
      [`> 1 | x: ${'v'.repeat(FRAME_WIDTH - 3)}…`, `    |    ${'^'.repeat(FRAME_WIDTH - 3)}`].join(
        '\n',
      ),
    );
  });

  it('ends the window at the end of a long line when the caret is there', () => {
    const line = `${'c'.repeat(300)}d`;
    const frame = codeFrame(`${line}\n`, at(1, 301));

    expect(frame).toBe(
      [`> 1 | …${'c'.repeat(FRAME_WIDTH - 1)}d`, `    |  ${' '.repeat(FRAME_WIDTH - 1)}^`].join(
        '\n',
      ),
    );
  });

  it('keeps a line of exactly the window width whole', () => {
    const line = 'e'.repeat(FRAME_WIDTH);
    expect(codeFrame(`${line}\r\n`, at(1, 5))).toBe(`> 1 | ${line}\n    |     ^`);
  });

  it('draws nothing for a line past the end of the file', () => {
    expect(codeFrame('name: app\n', at(9, 1))).toBe('');
  });
});

describe('renderers', () => {
  const diagnostics: Diagnostic[] = [
    { code: 'QB001', severity: 'error', message: 'cannot read x', file: 'x.yaml', range: null },
  ];

  it('prints a diagnostic without a place as file, severity, code and message', () => {
    const text = renderPretty(diagnostics, { color: false, readSource: () => null });
    expect(text).toBe('x.yaml error QB001 cannot read x\n');
  });

  it('reads each file once, however many diagnostics point into it', () => {
    const place = (line: number) => ({ ...diagnostics[0]!, range: at(line, 1) });
    const reads: string[] = [];
    const text = renderPretty([place(1), place(2), place(3)], {
      color: false,
      readSource: (file) => (reads.push(file), 'a\nb\nc\n'),
    });

    expect(reads).toEqual(['x.yaml']);
    expect(text.split('\n').filter((line) => line.startsWith('>'))).toEqual([
      '> 1 | a',
      '> 2 | b',
      '> 3 | c',
    ]);
  });

  it('adds command fields to the JSON report before the diagnostics', () => {
    const report = JSON.parse(renderJson(diagnostics, { manifest: 'x.yaml' }));
    expect(Object.keys(report)).toEqual([
      'ok',
      'errorCount',
      'warningCount',
      'manifest',
      'diagnostics',
    ]);
    expect(report.ok).toBe(false);
  });
});

// Rendering details: code frames for tabs, ranges over several lines, and places-less items.

import { describe, expect, it } from 'vitest';

import { codeFrame } from '../../src/cli/code-frame.ts';
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
